-- Staff who sign in at the provider. A district or park member carries exactly their district or park; the
-- others neither. Users are disabled, never deleted, so a username (the tokens' sub) is never given to someone else.
CREATE TABLE staff_users (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL,
    display_name  text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('bureau', 'district', 'park', 'finance', 'auditor')),
    district      text,
    park          text,
    password_hash text        NOT NULL,
    disabled      boolean     NOT NULL DEFAULT false,
    version       integer     NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'district') = (district IS NOT NULL)),
    CHECK ((role = 'park') = (park IS NOT NULL))
);

CREATE UNIQUE INDEX staff_users_username ON staff_users (lower(username));
