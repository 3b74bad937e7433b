-- The working calendar (法定节假日 and 调休上班日) by year, as the State Council's notice announces it each November. The
-- project service owns it (PUT /api/working-calendar/{year}, which publishes WorkingCalendarChanged); every other service
-- keeps this table as its copy, taking a year only when the change's version is newer. Every service's WorkCalendar
-- counts working days from its own table. A year missing here counts weekends only. Seeded alike everywhere at version 1.
CREATE TABLE working_calendar_years (
    year                 integer     PRIMARY KEY,
    version              integer     NOT NULL,
    holidays             date[]      NOT NULL,
    working_weekend_days date[]      NOT NULL,
    changed_at           timestamptz NOT NULL,
    changed_by           text        NOT NULL
);

INSERT INTO working_calendar_years (year, version, holidays, working_weekend_days, changed_at, changed_by) VALUES
-- 2025: the State Council notice of 2024-11-12 (元旦 1, 春节 8, 清明 3, 劳动节 5, 端午 3, 国庆节·中秋节 8 days).
(2025, 1,
    ARRAY['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01',
          '2025-02-02', '2025-02-03', '2025-02-04', '2025-04-04', '2025-04-05', '2025-04-06',
          '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-31',
          '2025-06-01', '2025-06-02', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04',
          '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']::date[],
    ARRAY['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']::date[],
    now(), 'migration'),
-- 2026: the State Council notice of 2025-11-04 (元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆节 7 days).
(2026, 1,
    ARRAY['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15', '2026-02-16', '2026-02-17',
          '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
          '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-02', '2026-05-03',
          '2026-05-04', '2026-05-05', '2026-06-19', '2026-06-20', '2026-06-21', '2026-09-25',
          '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04',
          '2026-10-05', '2026-10-06', '2026-10-07']::date[],
    ARRAY['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']::date[],
    now(), 'migration'),
-- 2027: NOT from a notice. The State Council's notice for 2027 could not be found when this was written, so these are
-- only the statutory days of 《全国年节及纪念日放假办法》 (元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1,
-- 国庆节 3), without 补休 or 调休上班日. The bureau must check 2027 against the notice and correct it through
-- PUT /api/working-calendar/2027 with version 1.
(2027, 1,
    ARRAY['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05',
          '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02',
          '2027-10-03']::date[],
    ARRAY[]::date[],
    now(), 'migration');
