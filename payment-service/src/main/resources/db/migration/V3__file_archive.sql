-- Every pain.001 sent and pain.002 received, kept by the SHA-256 of its bytes, so an auditor can fetch the exact bytes
-- of any run's files. Content-addressed: the same bytes are kept once however often they are sent or imported.
create table archived_file (
    digest      char(64) primary key,
    content     bytea       not null,
    size_bytes  bigint      not null,
    archived_at timestamptz not null
);

alter table payment_file
    add column pain001_digest char(64) references archived_file,
    add column pain002_digest char(64) references archived_file;
