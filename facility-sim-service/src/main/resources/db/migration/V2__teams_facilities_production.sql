-- The world of specs/004 per tenant (a school or game operator): teams with funds, facilities on hex
-- tiles, infrastructure connections to WATER/POWER providers, and what production does to them.
create table team (
    id         uuid          primary key,
    tenant_id  varchar(64)   not null,
    name       varchar(100)  not null,
    funds      numeric(16,2) not null check (funds >= 0),
    created_at timestamptz   not null,
    unique (tenant_id, name)
);

create table facility (
    id                  uuid          primary key,
    tenant_id           varchar(64)   not null,
    team_id             uuid          not null references team (id),
    name                varchar(100)  not null,
    type                varchar(16)   not null,
    level               integer       not null check (level >= 1),
    q                   integer       not null,
    r                   integer       not null,
    storage_capacity    numeric(16,3) not null check (storage_capacity >= 0),
    space_used          numeric(16,3) not null default 0 check (space_used >= 0),
    unit_price          numeric(14,2) check (unit_price >= 0),
    capacity_per_window numeric(16,3) check (capacity_per_window >= 0),
    created_at          timestamptz   not null,
    unique (tenant_id, q, r),
    check (space_used <= storage_capacity)
);
create index facility_team on facility (tenant_id, team_id);

create table infrastructure_connection (
    id            uuid         primary key,
    tenant_id     varchar(64)  not null,
    facility_id   uuid         not null references facility (id),
    provider_id   uuid         not null references facility (id),
    resource_type varchar(8)   not null check (resource_type in ('WATER','POWER')),
    active        boolean      not null,
    created_at    timestamptz  not null,
    unique (facility_id, resource_type)
);

-- How much a provider delivered in one capacity window (see facility.provider.capacity-window).
create table provider_usage (
    tenant_id    varchar(64)   not null,
    provider_id  uuid          not null references facility (id),
    window_start timestamptz   not null,
    used         numeric(16,3) not null check (used >= 0),
    primary key (provider_id, window_start)
);

create sequence production_number_seq;

create table production (
    id                 uuid          primary key,
    tenant_id          varchar(64)   not null,
    production_number  varchar(40)   not null unique,
    status             varchar(8)    not null,
    failure_reason     varchar(500),
    team_id            uuid          not null references team (id),
    facility_id        uuid          not null references facility (id),
    facility_name      varchar(100)  not null,
    facility_type      varchar(16)   not null,
    facility_level     integer       not null,
    q                  integer       not null,
    r                  integer       not null,
    raw_material_id    bigint        not null references raw_material (id),
    quantity           numeric(16,3) not null,
    water_consumed     numeric(16,3) not null,
    power_consumed     numeric(16,3) not null,
    water_cost         numeric(16,2) not null,
    power_cost         numeric(16,2) not null,
    material_base_cost numeric(16,2) not null,
    total_cost         numeric(16,2) not null,
    space_used         numeric(16,3) not null,
    produced_by        varchar(200)  not null,
    produced_at        timestamptz   not null
);
create index production_team on production (tenant_id, team_id, produced_at);
create index production_facility on production (tenant_id, facility_id, produced_at);

create table resource_transaction (
    id                       uuid          primary key,
    tenant_id                varchar(64)   not null,
    team_id                  uuid          not null references team (id),
    facility_id              uuid          not null references facility (id),
    resource_type            varchar(8)    not null,
    role                     varchar(8)    not null,
    quantity                 numeric(16,3) not null,
    unit_price               numeric(14,2) not null,
    total_amount             numeric(16,2) not null,
    counterparty_facility_id uuid          not null,
    counterparty_facility_name varchar(100) not null,
    counterparty_team_id     uuid          not null,
    counterparty_team_name   varchar(100)  not null,
    production_id            uuid          references production (id),
    reference                varchar(80)   not null,
    status                   varchar(8)    not null,
    transaction_date         timestamptz   not null
);
create index resource_transaction_team on resource_transaction (tenant_id, team_id, transaction_date);

-- One item per facility and material: repeated production combines into it (specs/004 2025-09-06 update).
create table inventory_item (
    id              uuid          primary key,
    tenant_id       varchar(64)   not null,
    team_id         uuid          not null references team (id),
    facility_id     uuid          not null references facility (id),
    raw_material_id bigint        not null references raw_material (id),
    quantity        numeric(16,3) not null,
    unit_cost       numeric(16,2) not null,
    total_value     numeric(16,2) not null,
    space_used      numeric(16,3) not null,
    metadata        jsonb         not null,
    updated_at      timestamptz   not null,
    unique (facility_id, raw_material_id)
);

-- Fixed-window request counters shared by every replica (specs/004 rate limiting); not tenant data.
create table rate_limit_counter (
    bucket_key   varchar(300) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (bucket_key, window_start)
);
