-- Each deadline's warning as it stands, kept by the consumers in the transaction that records its grade or its item's
-- clearance, so the lists read what is open now without going through every grade ever raised. Built to end the same
-- whatever the order of the messages: the highest grade wins (the earliest day it was raised on a tie), opened_on only
-- moves earlier, closed_on (the day of the first clearance newer than the first raise) only earlier and never back to
-- null. A past day's view still grades from the history, for the deadlines open that day only (the range index).
-- District, park and source are the deadline's own (as in warnings, set by its first raise), here so that counting and
-- scoping the open warnings needs no join.
CREATE TABLE warning_states (
    item_key    text    NOT NULL,
    due_on      date    NOT NULL,
    warning_key text    NOT NULL,
    grade       text    NOT NULL,
    grade_rank  integer NOT NULL,
    graded_on   date    NOT NULL,
    opened_on   date    NOT NULL,
    closed_on   date,
    district    text    NOT NULL,
    park        text,
    source      text    NOT NULL,
    PRIMARY KEY (item_key, due_on),
    FOREIGN KEY (item_key, due_on) REFERENCES warnings (item_key, due_on)
);

INSERT INTO warning_states (item_key, due_on, warning_key, grade, grade_rank, graded_on, opened_on, closed_on, district, park, source)
SELECT w.item_key, w.due_on, g.warning_key, g.grade, g.grade_rank, g.raised_on,
       ((w.first_detected_at AT TIME ZONE 'UTC') + interval '8 hours')::date,
       (SELECT min(x.cleared_on) FROM warning_clearances x WHERE x.item_key = w.item_key AND x.cleared_at >= w.first_detected_at),
       w.district, w.park, w.source
FROM warnings w
CROSS JOIN LATERAL (
    SELECT g.warning_key, g.grade, g.grade_rank, g.raised_on FROM warning_grades g
    WHERE g.item_key = w.item_key AND g.due_on = w.due_on ORDER BY g.grade_rank DESC, g.raised_on LIMIT 1) g;

-- The list's order over what is open now, for the city and for a district's staff.
CREATE INDEX warning_states_open ON warning_states (grade_rank DESC, due_on, item_key) WHERE closed_on IS NULL;
CREATE INDEX warning_states_open_district ON warning_states (district, grade_rank DESC, due_on, item_key) WHERE closed_on IS NULL;
-- The deadlines open on a given day: opened by then and not closed by then.
CREATE INDEX warning_states_open_days ON warning_states USING gist (daterange(opened_on, closed_on, '[)'));
