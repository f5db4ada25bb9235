-- Issue 9 C2: every sku that maps a model (its own sku first, then extra ones for variants and renamed
-- listings), unique per tenant across all models; and the order lines seen on orders.events, so skus that
-- no model maps can be listed.
create table model_sku (
    tenant_id  varchar(64) not null,
    sku        varchar(255) not null,
    model_id   uuid        not null references model (id),
    is_primary boolean     not null,
    created_at timestamptz not null,
    primary key (tenant_id, sku)
);
create index model_sku_model on model_sku (tenant_id, model_id);

insert into model_sku (tenant_id, sku, model_id, is_primary, created_at)
select tenant_id, sku, id, true, created_at from model;

-- One row per order line (order.changed replaces it), so counts never double when an order is announced again.
create table order_sku_line (
    tenant_id     varchar(64)   not null,
    order_id      bigint        not null,
    order_item_id bigint        not null,
    sku           varchar(255)  not null,
    title         varchar(500),
    quantity      integer       not null,
    seen_at       timestamptz   not null,
    primary key (tenant_id, order_id, order_item_id)
);
create index order_sku_line_sku on order_sku_line (tenant_id, sku);
