-- Inventory: every countable thing is a stock_item (spool, material, model, product) whose quantity and
-- reserved columns are written only by the ledger engine; stock_transaction is the append-only ledger.

create table material_type (
    id            uuid primary key,
    tenant_id     varchar(64)  not null,
    code          varchar(32)  not null,
    name          varchar(100) not null,
    density_g_cm3 numeric(8, 4),
    nozzle_temp_c integer,
    bed_temp_c    integer,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    constraint material_type_code_unique unique (tenant_id, code)
);

create table stock_item (
    id                  uuid primary key,
    tenant_id           varchar(64)    not null,
    item_type           varchar(16)    not null check (item_type in ('spool', 'material', 'model', 'product')),
    unit                varchar(8)     not null check (unit in ('g', 'kg', 'ml', 'L', 'units')),
    quantity            numeric(18, 3) not null default 0 check (quantity >= 0),
    reserved            numeric(18, 3) not null default 0 check (reserved >= 0),
    low_stock_threshold numeric(18, 3),
    low_stock_alerted   boolean        not null default false,
    created_at          timestamptz    not null,
    updated_at          timestamptz    not null
);
create index stock_item_tenant on stock_item (tenant_id, item_type);

create table stock_lot (
    id          uuid primary key,
    tenant_id   varchar(64)    not null,
    item_id     uuid           not null references stock_item (id),
    lot_number  varchar(64)    not null,
    quantity    numeric(18, 3) not null check (quantity >= 0),
    expires_at  date,
    received_at timestamptz    not null,
    constraint stock_lot_unique unique (tenant_id, item_id, lot_number)
);

create table spool (
    id                       uuid primary key references stock_item (id),
    tenant_id                varchar(64)    not null,
    spool_code               varchar(40)    not null,
    brand                    varchar(100),
    color                    varchar(100),
    color_hex                varchar(9),
    material_type_id         uuid           not null references material_type (id),
    diameter_mm              numeric(5, 2)  not null,
    initial_weight_grams     numeric(18, 3) not null,
    empty_spool_weight_grams numeric(18, 3),
    cost_per_gram            numeric(14, 6),
    location                 varchar(100),
    lot                      varchar(64),
    purchased_at             date,
    archived                 boolean        not null default false,
    created_at               timestamptz    not null,
    updated_at               timestamptz    not null,
    constraint spool_code_unique unique (tenant_id, spool_code)
);
create index spool_material_type on spool (tenant_id, material_type_id);

create table model (
    id                               uuid primary key references stock_item (id),
    tenant_id                        varchar(64)    not null,
    name                             varchar(200)   not null,
    sku                              varchar(64)    not null,
    description                      text,
    estimated_grams_per_unit         numeric(18, 3),
    estimated_print_minutes_per_unit integer,
    created_at                       timestamptz    not null,
    updated_at                       timestamptz    not null,
    constraint model_sku_unique unique (tenant_id, sku)
);

create table material (
    id          uuid primary key references stock_item (id),
    tenant_id   varchar(64)  not null,
    code        varchar(64)  not null,
    name        varchar(200) not null,
    description text,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    constraint material_code_unique unique (tenant_id, code)
);

create table product (
    id          uuid primary key references stock_item (id),
    tenant_id   varchar(64)  not null,
    name        varchar(200) not null,
    sku         varchar(64)  not null,
    description text,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    constraint product_sku_unique unique (tenant_id, sku)
);

create table code_sequence (
    tenant_id  varchar(64) not null,
    name       varchar(32) not null,
    next_value bigint      not null,
    primary key (tenant_id, name)
);

create table reservation (
    id              uuid primary key,
    tenant_id       varchar(64)    not null,
    item_id         uuid           not null references stock_item (id),
    grams           numeric(18, 3) not null check (grams > 0),
    status          varchar(16)    not null check (status in ('active', 'released', 'consumed')),
    cause_type      varchar(32)    not null,
    cause_id        varchar(100)   not null,
    cause_ref       varchar(200),
    idempotency_key varchar(200),
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null
);
create index reservation_item on reservation (tenant_id, item_id, status);
create index reservation_cause on reservation (tenant_id, cause_type, cause_id);

create table stock_movement (
    id              uuid primary key,
    tenant_id       varchar(64)  not null,
    idempotency_key varchar(200),
    cause_type      varchar(32)  not null,
    cause_id        varchar(100) not null,
    cause_ref       varchar(200),
    note            text,
    created_by      varchar(200),
    created_at      timestamptz  not null
);

create table stock_transaction (
    id              uuid primary key,
    tenant_id       varchar(64)    not null,
    movement_id     uuid           not null references stock_movement (id),
    line_no         integer        not null,
    item_type       varchar(16)    not null,
    item_id         uuid           not null references stock_item (id),
    kind            varchar(24)    not null check (kind in ('receipt', 'reservation', 'consumption', 'waste',
                                                             'adjustment', 'weighing', 'reversal', 'production_output')),
    quantity        numeric(18, 3) not null check (quantity >= 0),
    signed_quantity numeric(18, 3) not null,
    unit            varchar(8)     not null,
    balance_after   numeric(18, 3) not null,
    lot_number      varchar(64),
    reservation_id  uuid,
    cause_type      varchar(32)    not null,
    cause_id        varchar(100)   not null,
    cause_ref       varchar(200),
    note            text,
    created_at      timestamptz    not null
);
create index stock_transaction_item on stock_transaction (tenant_id, item_id, created_at);
create index stock_transaction_cause on stock_transaction (tenant_id, cause_type, cause_id);
create index stock_transaction_time on stock_transaction (tenant_id, created_at);
create index stock_transaction_movement on stock_transaction (movement_id);

-- The ledger is append-only: history is corrected by new rows (reversal, adjustment), never rewritten.
create function stock_transaction_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'stock_transaction is append-only: % is not allowed', tg_op;
end;
$$;
create trigger stock_transaction_no_update_delete
    before update or delete on stock_transaction
    for each row execute function stock_transaction_append_only();
create trigger stock_transaction_no_truncate
    before truncate on stock_transaction
    for each statement execute function stock_transaction_append_only();

create table idempotency_record (
    tenant_id       varchar(64)  not null,
    scope           varchar(32)  not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    response_status integer,
    response_body   text,
    created_at      timestamptz  not null,
    primary key (tenant_id, scope, idempotency_key)
);
