-- specs/001 process production: reactors, operators, recipes, batches, orders, stations, quality metrics.
create table process_operator (
    id uuid primary key,
    tenant_id varchar(64) not null,
    name varchar(200) not null,
    employee_number varchar(64),
    certifications jsonb not null default '[]',
    active boolean not null default true,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index process_operator_tenant on process_operator (tenant_id);

create table process_reactor (
    id uuid primary key,
    tenant_id varchar(64) not null,
    name varchar(200) not null,
    status varchar(20) not null,
    capacity numeric(12, 3) not null,
    temperature numeric(8, 2) not null,
    pressure numeric(8, 3) not null,
    mixing_speed numeric(8, 1) not null,
    ph_level numeric(5, 2),
    min_temperature numeric(8, 2) not null,
    max_temperature numeric(8, 2) not null,
    max_pressure numeric(8, 3) not null,
    current_batch_id uuid,
    last_maintenance timestamptz,
    next_maintenance timestamptz not null,
    maintenance_hours numeric(10, 2) not null default 0,
    version bigint not null default 0,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index process_reactor_tenant on process_reactor (tenant_id, name);

create table process_recipe (
    id uuid primary key,
    tenant_id varchar(64) not null,
    name varchar(200) not null,
    product_id uuid not null,
    product_name varchar(200) not null,
    product_category varchar(32) not null,
    version varchar(16) not null,
    major int not null,
    minor int not null,
    description text not null,
    ingredients jsonb not null,
    steps jsonb not null,
    quality_parameters jsonb not null,
    estimated_duration int not null,
    batch_size numeric(12, 3) not null,
    temperature_profile jsonb not null,
    mixing_profile jsonb not null,
    cofepris_approved boolean not null default false,
    approval_date timestamptz,
    created_by varchar(200) not null,
    approved_by varchar(200),
    approval_notes text,
    test_batch_results text,
    status varchar(20) not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint process_recipe_version_unique unique (tenant_id, product_id, name, major, minor)
);

create table process_order (
    id uuid primary key,
    tenant_id varchar(64) not null,
    order_number varchar(32) not null,
    customer_order_id varchar(200),
    product_id uuid not null,
    product_name varchar(200) not null,
    quantity_ordered numeric(12, 3) not null,
    priority varchar(16) not null,
    status varchar(16) not null,
    due_date timestamptz not null,
    start_date timestamptz,
    completion_date timestamptz,
    notes text,
    created_by varchar(200) not null,
    assigned_to varchar(200),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint process_order_number_unique unique (tenant_id, order_number)
);
create index process_order_filters on process_order (tenant_id, status, priority, created_at);

create table process_batch (
    id uuid primary key,
    tenant_id varchar(64) not null,
    batch_number varchar(32) not null,
    reactor_id uuid not null references process_reactor (id),
    recipe_id uuid not null references process_recipe (id),
    production_order_id uuid not null references process_order (id),
    product_id uuid not null,
    product_name varchar(200) not null,
    product_category varchar(32) not null,
    quantity numeric(12, 3) not null default 0,
    target_quantity numeric(12, 3) not null,
    status varchar(20) not null,
    priority varchar(16) not null,
    start_time timestamptz not null,
    estimated_completion timestamptz not null,
    actual_completion timestamptz,
    operator_id uuid not null,
    supervisor_id varchar(200),
    notes text,
    inventory_movement_id varchar(64),
    quality_check jsonb,
    failure_reason text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint process_batch_number_unique unique (tenant_id, batch_number)
);
create index process_batch_filters on process_batch (tenant_id, status, start_time);
create index process_batch_order on process_batch (production_order_id);

-- which material lots went into which batch (traceability both ways)
create table process_batch_lot (
    id uuid primary key,
    tenant_id varchar(64) not null,
    batch_id uuid not null references process_batch (id),
    material_id uuid not null,
    material_name varchar(200) not null,
    lot_number varchar(100) not null,
    quantity numeric(14, 4) not null,
    unit varchar(16) not null
);
create index process_batch_lot_batch on process_batch_lot (batch_id);
create index process_batch_lot_lot on process_batch_lot (tenant_id, lot_number);

create table process_quality_metric (
    id uuid primary key,
    tenant_id varchar(64) not null,
    batch_id uuid not null references process_batch (id),
    test_type varchar(20) not null,
    parameter_name varchar(200) not null,
    measured_value numeric(14, 4) not null,
    target_value numeric(14, 4) not null,
    tolerance_min numeric(14, 4) not null,
    tolerance_max numeric(14, 4) not null,
    unit varchar(32) not null,
    passed boolean not null,
    critical boolean not null,
    test_method varchar(200) not null,
    equipment_used varchar(200),
    tested_by varchar(200) not null,
    test_date timestamptz not null,
    notes text,
    retest_required boolean not null,
    created_at timestamptz not null
);
create index process_quality_metric_batch on process_quality_metric (tenant_id, batch_id, test_date);

create table process_station (
    id uuid primary key,
    tenant_id varchar(64) not null,
    name varchar(200) not null,
    type varchar(16) not null,
    status varchar(16) not null,
    current_product_id uuid,
    current_product_name varchar(200),
    current_batch_id uuid,
    efficiency numeric(6, 1) not null default 0,
    units_per_hour numeric(10, 1) not null default 0,
    target_units_per_hour numeric(10, 1) not null,
    units_produced_today int not null default 0,
    production_day date,
    target_units int,
    quality_check_frequency int,
    last_activity timestamptz not null,
    maintenance_due timestamptz not null,
    error_count_today int not null default 0,
    operator_id uuid,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index process_station_tenant on process_station (tenant_id, name);

-- work waiting at a busy station, taken by priority then arrival
create table process_station_queue (
    id uuid primary key,
    tenant_id varchar(64) not null,
    station_id uuid not null references process_station (id),
    batch_id uuid not null references process_batch (id),
    production_order_id uuid not null references process_order (id),
    target_units int not null,
    operator_id uuid not null,
    priority varchar(16) not null,
    priority_rank int not null,
    quality_check_frequency int not null,
    queued_at timestamptz not null
);
create index process_station_queue_station on process_station_queue (station_id, priority_rank desc, queued_at);

-- per-tenant counters for lot numbers and PO numbers
create table process_sequence (
    tenant_id varchar(64) not null,
    name varchar(64) not null,
    value bigint not null,
    primary key (tenant_id, name)
);
