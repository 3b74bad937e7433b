-- Order-independent message flow (issue 13).
-- version: grows with every change to the case's approval work (its items, land, project code, milestones); the events
-- the case publishes to the project carry it as CaseVersion. The district and park mirror the project's facts and carry
-- the project's version that set them instead, so a late or repeated transfer never wins over a newer one.
ALTER TABLE approval_cases
    ADD COLUMN version          integer NOT NULL DEFAULT 0,
    ADD COLUMN district_version integer NOT NULL DEFAULT 0,
    ADD COLUMN park_id          uuid    NULL;

-- 补正 and resubmission: which submission of the item is under review (the first is 1).
ALTER TABLE approval_items
    ADD COLUMN submission integer NOT NULL DEFAULT 1;

-- Parks by id: the current name of each park the cases reference, whatever order its renames and the signings arrive
-- in. A signing adds the name it carried at version 0 and never overwrites; a rename applies only when newer.
CREATE TABLE parks (
    id      uuid    PRIMARY KEY,
    name    text    NOT NULL,
    version integer NOT NULL
);
