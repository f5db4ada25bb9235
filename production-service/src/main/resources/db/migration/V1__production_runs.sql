-- specs/000 production runs of 3D prints: runs, items, filament materials, plates, run-number counters.
create table production_run (
    id uuid primary key,
    tenant_id varchar(64) not null,
    run_number varchar(64) not null,
    status varchar(20) not null,
    started_at timestamptz not null,
    completed_at timestamptz,
    duration_hours double precision,
    actual_total_filament_grams double precision,
    notes text,
    failure_reason varchar(64),
    cancel_mode varchar(20),
    stock_moved boolean not null default false,
    material_cost double precision,
    successful_units integer,
    failed_units integer,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint production_run_number_unique unique (tenant_id, run_number)
);
create index production_run_tenant_started on production_run (tenant_id, started_at desc);

create table production_run_item (
    id uuid primary key,
    tenant_id varchar(64) not null,
    run_id uuid not null references production_run (id) on delete cascade,
    model_id uuid not null,
    quantity integer not null check (quantity > 0),
    created_at timestamptz not null
);
create index production_run_item_run on production_run_item (run_id);

create table production_run_material (
    id uuid primary key,
    tenant_id varchar(64) not null,
    run_id uuid not null references production_run (id) on delete cascade,
    spool_id uuid not null,
    estimated_model_weight_grams double precision not null,
    estimated_flushed_grams double precision not null,
    estimated_tower_grams double precision not null,
    actual_model_weight_grams double precision,
    actual_flushed_grams double precision,
    actual_tower_grams double precision,
    spool_weight_before_grams double precision,
    spool_weight_after_grams double precision,
    reservation_id uuid,
    deducted_grams double precision,
    cost_per_gram double precision,
    created_at timestamptz not null
);
create index production_run_material_run on production_run_material (run_id);

create table production_run_plate (
    id uuid primary key,
    tenant_id varchar(64) not null,
    run_id uuid not null references production_run (id) on delete cascade,
    plate_number integer not null,
    model_id uuid not null,
    printer_id uuid,
    copies_per_plate integer not null check (copies_per_plate > 0),
    estimated_print_time_minutes integer,
    status varchar(20) not null,
    successful_prints integer,
    failed_prints integer,
    started_at timestamptz,
    completed_at timestamptz,
    notes text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint production_run_plate_number_unique unique (run_id, plate_number)
);
create index production_run_plate_run on production_run_plate (run_id);
create index production_run_plate_printer on production_run_plate (tenant_id, printer_id, status);

-- One row per tenant and day: UPDATE ... RETURNING hands out YYYYMMDD-NNN numbers without gaps or twins.
create table production_run_counter (
    tenant_id varchar(64) not null,
    day date not null,
    last_value integer not null,
    primary key (tenant_id, day)
);
