-- The whole lifecycle: registration, land, construction, production, stalls and terminations.
ALTER TABLE projects
    ADD COLUMN state_entered_at                timestamptz   NULL,
    ADD COLUMN company_name                    text          NULL,   -- 项目公司
    ADD COLUMN company_uscc                    char(18)      NULL,
    ADD COLUMN parcel_id                       text          NULL,   -- 地块编号
    ADD COLUMN area_mu                         numeric(12,2) NULL,   -- 亩
    ADD COLUMN land_contract_date              date          NULL,   -- 土地出让合同签订日
    ADD COLUMN land_acquired_on                date          NULL,
    ADD COLUMN pre_land_approvals_completed_on date          NULL,
    ADD COLUMN construction_permit_issued_on   date          NULL,
    ADD COLUMN construction_started_on         date          NULL,
    ADD COLUMN production_started_on           date          NULL,
    ADD COLUMN stalled_from                    text          NULL,
    ADD COLUMN state_reason                    text          NULL;   -- why stalled or terminated
UPDATE projects SET state_entered_at = updated_at;
ALTER TABLE projects ALTER COLUMN state_entered_at SET NOT NULL;

ALTER TABLE project_timeline
    ADD COLUMN actor_subject  text NULL,
    ADD COLUMN actor_role     text NULL,
    ADD COLUMN actor_district text NULL;

-- 园区: level, district, leading (主导) and specialty (特色) industries.
CREATE TABLE parks (
    id                   uuid PRIMARY KEY,
    name                 text        NOT NULL UNIQUE,
    level                text        NOT NULL,
    district             text        NOT NULL,
    leading_industries   text[]      NOT NULL,
    specialty_industries text[]      NOT NULL,
    version              integer     NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now()
);

-- The parks the seed articles name (Kunming, Anning, the border zones, Qujing, Dali, Mianyang).
INSERT INTO parks (id, name, level, district, leading_industries, specialty_industries) VALUES
    ('0190f1a0-0000-7000-8000-000000000001', '昆明经济技术开发区', 'National', '官渡区', '{装备制造,电子信息,生物医药}', '{新材料,现代物流}'),
    ('0190f1a0-0000-7000-8000-000000000002', '昆明高新技术产业开发区', 'National', '五华区', '{生物医药,新材料,电子信息}', '{数字经济}'),
    ('0190f1a0-0000-7000-8000-000000000003', '安宁工业园区', 'Provincial', '安宁市', '{绿色化工,新能源电池}', '{新材料,装备制造}'),
    ('0190f1a0-0000-7000-8000-000000000004', '中国老挝磨憨-磨丁经济合作区', 'National', '勐腊县', '{现代物流,文化旅游,高原特色农业}', '{电子信息}'),
    ('0190f1a0-0000-7000-8000-000000000005', '河口边境经济合作区', 'National', '河口县', '{现代物流,装备制造}', '{高原特色农业}'),
    ('0190f1a0-0000-7000-8000-000000000006', '瑞丽边境经济合作区', 'National', '瑞丽市', '{电子信息,现代物流}', '{高原特色农业,文化旅游}'),
    ('0190f1a0-0000-7000-8000-000000000007', '曲靖经济技术开发区', 'National', '麒麟区', '{新能源电池,绿色硅,装备制造}', '{光伏,新材料}'),
    ('0190f1a0-0000-7000-8000-000000000008', '大理经济技术开发区', 'Provincial', '大理市', '{装备制造,生物医药}', '{高原特色农业,文化旅游}'),
    ('0190f1a0-0000-7000-8000-000000000009', '滇中新区', 'National', '安宁市', '{新能源电池,装备制造,数字经济}', '{现代物流,生物医药}'),
    ('0190f1a0-0000-7000-8000-00000000000a', '绵阳经济技术开发区', 'National', '涪城区', '{电子信息,新材料,装备制造}', '{数字经济}'),
    ('0190f1a0-0000-7000-8000-00000000000b', '京东方新型显示产业园', 'Municipal', '涪城区', '{电子信息,新材料}', '{数字经济}');
