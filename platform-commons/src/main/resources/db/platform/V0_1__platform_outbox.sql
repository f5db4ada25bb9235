-- Platform plumbing shared by every service (platform-commons): transactional outbox and the
-- processed-event log of idempotent consumers. Versions below 1 keep them ahead of service migrations.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid         not null unique,
    tenant_id    varchar(64)  not null,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    type         varchar(200) not null,
    envelope     jsonb        not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    attempts     integer      not null default 0,
    last_error   text
);

create index outbox_event_pending on outbox_event (seq) where published_at is null;

create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    tenant_id    varchar(64)  not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
