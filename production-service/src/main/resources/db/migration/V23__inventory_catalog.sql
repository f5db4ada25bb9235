-- The models and spools of inventory-service that production runs show (items' models, materials' spools), kept from
-- inventory.catalog events and from what runs read of inventory when they change: a read of a run asks no other
-- service. updated_at is inventory's version of the row; an older version never replaces a newer one.
create table inventory_model (
    tenant_id varchar(64) not null,
    id uuid not null,
    name text not null,
    sku text not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id)
);

create table inventory_spool (
    tenant_id varchar(64) not null,
    id uuid not null,
    spool_id text not null,
    brand text,
    color text,
    material_type_code text,
    material_type_name text,
    cost_per_gram double precision,
    updated_at timestamptz not null,
    primary key (tenant_id, id)
);

select platform_isolate_by_tenant('inventory_model');
select platform_isolate_by_tenant('inventory_spool');
