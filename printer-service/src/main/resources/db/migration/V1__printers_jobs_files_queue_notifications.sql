-- printer-service schema: one printer table serves both specs/003 (/api/v1) and specs/002 (/api/bambu) views.
create table printer (
    tenant_id varchar(64) not null,
    id varchar(64) not null,
    name varchar(200) not null,
    type varchar(16) not null,
    connection_type varchar(16) not null,
    model varchar(64),
    ip_address varchar(255),
    port integer,
    ftps_port integer,
    serial_number varchar(64),
    access_code varchar(255),
    username varchar(128),
    ca_certificate text,
    firmware_version varchar(64),
    status varchar(16) not null,
    is_active boolean not null,
    has_ams boolean not null default false,
    has_camera boolean not null default false,
    last_seen timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id)
);

create sequence print_job_seq start with 1 increment by 50;
create table print_job (
    id bigint primary key,
    tenant_id varchar(64) not null,
    printer_id varchar(64) not null,
    printer_name varchar(200) not null,
    job_name varchar(500) not null,
    file_name varchar(500),
    status varchar(16) not null,
    progress double precision not null default 0,
    layer_current integer,
    layer_total integer,
    remaining_seconds integer,
    start_time timestamptz,
    end_time timestamptz,
    estimated_duration integer,
    material_type varchar(32),
    material_color varchar(32),
    material_brand varchar(100),
    estimated_usage double precision,
    actual_usage double precision,
    cost_per_gram double precision,
    material_cost double precision,
    power_cost double precision,
    labor_cost double precision,
    trays_used text,
    trays_at_start text,
    last_milestone integer not null default 0,
    is_business boolean not null default false,
    customer_order_id varchar(100),
    customer_name varchar(200),
    notes text,
    scheduled_print_id bigint,
    external_ref varchar(200),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index print_job_tenant_printer on print_job (tenant_id, printer_id, status);
create index print_job_tenant_created on print_job (tenant_id, created_at);

create sequence printer_file_seq start with 1 increment by 50;
create table printer_file (
    id varchar(32) primary key,
    tenant_id varchar(64) not null,
    printer_id varchar(64),
    filename varchar(500) not null,
    file_size bigint not null default 0,
    file_type varchar(16),
    status varchar(16) not null,
    printer_path varchar(1000),
    local_path varchar(1000),
    created_on_printer timestamptz,
    downloaded_at timestamptz,
    last_accessed timestamptz,
    download_attempts integer not null default 0,
    download_id varchar(40),
    bytes_downloaded bigint not null default 0,
    download_started_at timestamptz,
    download_error text,
    checksum varchar(100),
    created_at timestamptz not null
);
create unique index printer_file_remote on printer_file (tenant_id, printer_id, printer_path);

create sequence ams_tray_seq start with 1 increment by 50;
create table ams_tray (
    id bigint primary key,
    tenant_id varchar(64) not null,
    printer_id varchar(64) not null,
    ams_id integer not null,
    tray_id integer not null,
    slot integer not null,
    material_type varchar(32),
    color varchar(16),
    weight_grams integer,
    remaining_pct integer,
    vendor varchar(100),
    cost_per_kg double precision,
    tray_uuid varchar(64),
    loaded_at timestamptz,
    last_synced timestamptz not null,
    unique (tenant_id, printer_id, ams_id, tray_id)
);

create sequence scheduled_print_seq start with 1 increment by 50;
create table scheduled_print (
    id bigint primary key,
    tenant_id varchar(64) not null,
    printer_id varchar(64),
    job_name varchar(500) not null,
    file_name varchar(500) not null,
    material_type varchar(32),
    material_slot integer,
    estimated_duration_minutes integer,
    priority integer not null,
    status varchar(16) not null,
    scheduled_start timestamptz,
    external_ref varchar(200),
    dispatched_printer_id varchar(64),
    job_id bigint,
    started_at timestamptz,
    finished_at timestamptz,
    last_error text,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index scheduled_print_queue on scheduled_print (tenant_id, status, priority, created_at);

create sequence notification_setting_seq start with 1 increment by 50;
create table notification_setting (
    id bigint primary key,
    tenant_id varchar(64) not null,
    printer_id varchar(64) not null,
    notify_print_start boolean not null,
    notify_print_complete boolean not null,
    notify_print_failed boolean not null,
    notify_material_change boolean not null,
    notify_maintenance boolean not null,
    email_enabled boolean not null,
    webhook_url varchar(2000),
    webhook_secret varchar(200) not null,
    unique (tenant_id, printer_id)
);

create sequence webhook_delivery_seq start with 1 increment by 50;
create table webhook_delivery (
    id bigint primary key,
    tenant_id varchar(64) not null,
    setting_id bigint not null,
    printer_id varchar(64) not null,
    event varchar(32) not null,
    url varchar(2000) not null,
    payload text not null,
    status varchar(16) not null,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null,
    last_status_code integer,
    last_error text,
    created_at timestamptz not null,
    delivered_at timestamptz
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);

-- rate-limit windows shared by all replicas (specs/003, specs/002 rate limits); not tenant data
create table rate_limit_window (
    bucket varchar(300) not null,
    window_start timestamptz not null,
    hits integer not null,
    primary key (bucket, window_start)
);
