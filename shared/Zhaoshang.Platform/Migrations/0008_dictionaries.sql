-- The bureau's dictionaries: industries (行业, with sector 一产/二产/三产 and 产业链), source regions (来源地区, with the
-- places each holds) and districts (区县). The project service owns them (PUT /api/dictionaries/…, which publishes
-- DictionariesChanged with the whole snapshot); lead and funding keep these tables as their copy, replacing them whole
-- when a newer snapshot arrives. Seeded alike everywhere at version 1, as the calendar is.
CREATE TABLE dictionary_versions (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    version    integer     NOT NULL,
    changed_at timestamptz NOT NULL
);

-- sector NULL: an industry found in existing records that the bureau has not classified yet (shown as 未分类).
CREATE TABLE industries (
    code    text    PRIMARY KEY,
    name    text    NOT NULL UNIQUE,
    sector  text    CHECK (sector IN ('一产', '二产', '三产')),
    chain   text,
    aliases text[]  NOT NULL DEFAULT '{}',
    active  boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1
);

CREATE TABLE regions (
    code    text    PRIMARY KEY,
    name    text    NOT NULL UNIQUE,
    places  text[]  NOT NULL DEFAULT '{}',
    active  boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1
);

CREATE TABLE districts (
    code    text    PRIMARY KEY,
    name    text    NOT NULL UNIQUE,
    active  boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1
);

INSERT INTO dictionary_versions (version, changed_at) VALUES (1, now());

INSERT INTO industries (code, name, sector, chain, aliases) VALUES
    ('EQUIPMENT',   '装备制造',     '二产', '先进装备制造', '{先进装备制造}'),
    ('MATERIALS',   '新材料',       '二产', '新材料',       '{}'),
    ('ALUMINIUM',   '绿色铝',       '二产', '绿色铝',       '{}'),
    ('SILICON',     '绿色硅',       '二产', '光伏',         '{}'),
    ('PV',          '光伏',         '二产', '光伏',         '{}'),
    ('BATTERY',     '新能源电池',   '二产', '新能源电池',   '{}'),
    ('ELECTRONICS', '电子信息',     '二产', '电子信息',     '{}'),
    ('BIOMED',      '生物医药',     '二产', '生物医药',     '{}'),
    ('FOOD',        '绿色食品',     '二产', '绿色食品',     '{}'),
    ('PLATEAU_AGRI','高原特色农业', '一产', NULL,           '{}'),
    ('DIGITAL',     '数字经济',     '三产', '数字经济',     '{}'),
    ('TOURISM',     '文化旅游',     '三产', NULL,           '{}'),
    ('LOGISTICS',   '现代物流',     '三产', NULL,           '{}'),
    ('FINANCE',     '金融服务',     '三产', NULL,           '{}'),
    ('ELDERCARE',   '健康养老',     '三产', NULL,           '{}'),
    ('COMMERCE',    '现代商贸',     '三产', NULL,           '{}');

INSERT INTO regions (code, name, places) VALUES
    ('YRD',      '长三角',       '{上海,江苏,浙江,安徽,南京,苏州,杭州,宁波,合肥}'),
    ('JJJ',      '京津冀',       '{北京,天津,河北,石家庄,雄安}'),
    ('GBA',      '粤港澳大湾区', '{广东,香港,澳门,深圳,广州,珠海,佛山,东莞}'),
    ('CHENGYU',  '成渝',         '{四川,重庆,成都,绵阳}'),
    ('PROVINCE', '省内',         '{云南,昆明,曲靖,玉溪,大理,红河,楚雄,德宏,西双版纳}'),
    ('OTHER',    '其他省份',     '{福建,山东,江西,湖北,湖南,河南,山西,陕西,贵州,广西,海南,甘肃,青海,宁夏,新疆,西藏,内蒙古,辽宁,吉林,黑龙江}'),
    ('ABROAD',   '境外',         '{境外,台湾,新加坡,日本,韩国,美国,德国,法国,英国,泰国,老挝,越南,缅甸,马来西亚}');

-- Kunming's districts (行政区划代码), then the districts outside the city that the seeded parks and the demo data use.
INSERT INTO districts (code, name) VALUES
    ('530102', '五华区'), ('530103', '盘龙区'), ('530111', '官渡区'), ('530112', '西山区'), ('530113', '东川区'),
    ('530114', '呈贡区'), ('530115', '晋宁区'), ('530124', '富民县'), ('530125', '宜良县'), ('530126', '石林彝族自治县'),
    ('530127', '嵩明县'), ('530128', '禄劝彝族苗族自治县'), ('530129', '寻甸回族彝族自治县'), ('530181', '安宁市'),
    ('530302', '麒麟区'), ('530303', '沾益区'), ('532923', '祥云县'), ('532532', '河口县'), ('532823', '勐腊县'), ('532901', '大理市'), ('533102', '瑞丽市'),
    ('510703', '涪城区');
