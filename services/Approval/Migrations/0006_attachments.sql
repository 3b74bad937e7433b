-- Evidence attachments (of approval items, 审批材料). The platform's attachment store keeps content by SHA-256, once whatever
-- how often it is attached; this table says which file proves which record. Every service has the same tables.
CREATE TABLE attachment_contents (
    sha256    bytea       PRIMARY KEY CHECK (length(sha256) = 32),
    size      bigint      NOT NULL CHECK (size > 0),
    stored_at timestamptz NOT NULL DEFAULT now()
);

-- The content in chunks of at most 256 KiB, so that storing and reading stream one chunk at a time.
CREATE TABLE attachment_chunks (
    sha256   bytea   NOT NULL REFERENCES attachment_contents (sha256),
    sequence integer NOT NULL CHECK (sequence >= 0),
    data     bytea   NOT NULL,
    PRIMARY KEY (sha256, sequence)
);
-- PDFs, images and Office files are compressed already: PostgreSQL would spend time compressing them for nothing.
ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- No reference to attachment_contents: another store (an S3-compatible one) keeps the content outside the database.
CREATE TABLE attachments (
    id           uuid        PRIMARY KEY,
    record_id    uuid        NOT NULL REFERENCES approval_items (id),
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL CHECK (size > 0),
    sha256       bytea       NOT NULL CHECK (length(sha256) = 32),
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX attachments_record ON attachments (record_id, uploaded_at);
