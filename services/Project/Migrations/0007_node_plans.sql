-- Node plans (节点计划): templates the bureau keeps (phases → steps → nodes), each signed project's plan made from one,
-- its nodes with owners, planned dates and evidence, their history, and the facts that complete nodes by themselves.
-- Warnings and reminders about nodes are announced once through the platform's warning_notices.
CREATE TABLE node_plan_templates (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    sectors    text[]      NOT NULL,            -- 一产/二产/三产 it applies to
    is_default boolean     NOT NULL DEFAULT false,
    phases     jsonb       NOT NULL,            -- [{name, steps: [{name, nodes: [{code, name, department, anchor, ...}]}]}]
    version    integer     NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX node_plan_templates_one_default ON node_plan_templates (is_default) WHERE is_default;

-- One plan per project, with its 双轨包保: the responsible leader (包保领导) and department (责任单位).
CREATE TABLE project_node_plans (
    project_id    uuid PRIMARY KEY REFERENCES projects (id),
    template_id   uuid        NOT NULL REFERENCES node_plan_templates (id),
    template_name text        NOT NULL,
    leader        text        NULL,             -- username (the token's sub)
    leader_name   text        NULL,
    department    text        NULL,
    version       integer     NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL
);
CREATE INDEX project_node_plans_leader ON project_node_plans (leader) WHERE leader IS NOT NULL;

CREATE TABLE project_nodes (
    id                  uuid PRIMARY KEY,
    project_id          uuid        NOT NULL REFERENCES projects (id),
    position            integer     NOT NULL,
    phase               text        NOT NULL,
    step                text        NOT NULL,
    code                text        NOT NULL,
    name                text        NOT NULL,
    owner               text        NULL,
    owner_name          text        NULL,
    department          text        NULL,
    anchor              text        NOT NULL,
    offset_working_days integer     NOT NULL,
    planned_on          date        NOT NULL,
    completed_on        date        NULL,
    completed_by        text        NULL,       -- a username, or 'system' when an event fulfilled it
    fulfilled_by        text        NULL,       -- event key(s), '|' between alternatives
    evidence_required   text[]      NOT NULL,
    note                text        NULL,
    version             integer     NOT NULL DEFAULT 1,
    UNIQUE (project_id, code)
);
CREATE INDEX project_nodes_project ON project_nodes (project_id, position);
-- The scanner and the warning lists read only open nodes by their planned date.
CREATE INDEX project_nodes_open_by_due ON project_nodes (planned_on) WHERE completed_on IS NULL;
CREATE INDEX project_nodes_open_by_owner ON project_nodes (owner, planned_on) WHERE completed_on IS NULL;

-- Re-plans, assignments and completions: who, when, why, before and after.
CREATE TABLE project_node_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES projects (id),
    node_id     uuid        NULL REFERENCES project_nodes (id),
    action      text        NOT NULL,
    actor       text        NOT NULL,
    reason      text        NULL,
    before      jsonb       NULL,
    after       jsonb       NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX project_node_history_project ON project_node_history (project_id, id);

-- What happened to a project that fulfils nodes (signed, land, approval:filing …), the earliest day it happened,
-- written whatever arrives first: a plan made later completes its nodes from here.
CREATE TABLE project_facts (
    project_id   uuid        NOT NULL,
    key          text        NOT NULL,
    fulfilled_on date        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (project_id, key)
);

-- The default plan, modelled on the lifecycle and the approval catalogue (see services/Approval/Cases/ApprovalCatalogue.cs).
INSERT INTO node_plan_templates (id, name, sectors, is_default, phases) VALUES (
    '0190f1a0-0000-7000-8000-0000000000d1', '通用项目全周期', '{}', true,
    $json$[
      {"name": "前期", "steps": [
        {"name": "签约落地", "nodes": [
          {"code": "signed", "name": "签约", "department": "招商部门", "anchor": "signed", "offsetWorkingDays": 0, "evidenceRequired": ["投资协议"], "fulfilledBy": "signed"},
          {"code": "registered", "name": "注册", "department": "市场监管部门", "anchor": "signed", "offsetWorkingDays": 10, "evidenceRequired": ["营业执照"], "fulfilledBy": "registered"}]}]},
      {"name": "审批", "steps": [
        {"name": "立项", "nodes": [
          {"code": "filing", "name": "备案/核准", "department": "发展改革部门", "anchor": "registered", "offsetWorkingDays": 10, "evidenceRequired": ["备案证明或核准批复"], "fulfilledBy": "approval:filing|approval:verification"}]},
        {"name": "环评与节能", "nodes": [
          {"code": "eia", "name": "环评", "department": "生态环境部门", "anchor": "filing", "offsetWorkingDays": 30, "evidenceRequired": ["环评批复"], "fulfilledBy": "approval:eia-report|approval:eia-form"},
          {"code": "energy-review", "name": "节能审查", "department": "发展改革部门", "anchor": "filing", "offsetWorkingDays": 20, "evidenceRequired": ["节能审查意见"], "fulfilledBy": "approval:energy-review"}]},
        {"name": "用地与规划", "nodes": [
          {"code": "land-pre-review", "name": "用地预审", "department": "自然资源部门", "anchor": "filing", "offsetWorkingDays": 20, "evidenceRequired": ["用地预审与选址意见书"], "fulfilledBy": "approval:land-pre-review"},
          {"code": "planning-permit", "name": "规划许可", "department": "自然资源部门", "anchor": "land-pre-review", "offsetWorkingDays": 10, "evidenceRequired": ["建设用地规划许可证"], "fulfilledBy": "approval:land-planning-permit"}]}]},
      {"name": "建设", "steps": [
        {"name": "拿地", "nodes": [
          {"code": "land", "name": "拿地", "department": "自然资源部门", "anchor": "planning-permit", "offsetWorkingDays": 20, "evidenceRequired": ["土地出让合同"], "fulfilledBy": "land"}]},
        {"name": "开工", "nodes": [
          {"code": "construction-permit", "name": "施工许可", "department": "住房城乡建设部门", "anchor": "land", "offsetWorkingDays": 10, "evidenceRequired": ["施工许可证"], "fulfilledBy": "approval:construction-permit"},
          {"code": "construction-start", "name": "开工", "department": "招商部门", "anchor": "construction-permit", "offsetWorkingDays": 5, "evidenceRequired": ["开工现场照片"], "fulfilledBy": "construction-start"}]}]},
      {"name": "投产", "steps": [
        {"name": "投产", "nodes": [
          {"code": "production", "name": "投产", "department": "工业和信息化部门", "anchor": "construction-start", "offsetWorkingDays": 250, "evidenceRequired": ["投产证明"], "fulfilledBy": "production"}]},
        {"name": "验收", "nodes": [
          {"code": "acceptance", "name": "竣工验收", "department": "住房城乡建设部门", "anchor": "production", "offsetWorkingDays": 60, "evidenceRequired": ["竣工验收备案表"], "fulfilledBy": null}]}]}
    ]$json$::jsonb);
