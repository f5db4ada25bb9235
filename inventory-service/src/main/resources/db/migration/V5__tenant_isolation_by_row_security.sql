-- Every tenant table is kept apart by Postgres row-level security (platform_isolate_by_tenant): a session sees and
-- writes only its tenant's rows, whatever statement it runs. Hibernate's tenant filter (@TenantId) did this per
-- query and kept Hibernate from caching any query plan. A Spoolman key is looked up across tenants (the key names
-- its tenant) in the service's system scope.
select platform_isolate_by_tenant('material_type');
select platform_isolate_by_tenant('stock_item');
select platform_isolate_by_tenant('stock_lot');
select platform_isolate_by_tenant('spool');
select platform_isolate_by_tenant('model');
select platform_isolate_by_tenant('material');
select platform_isolate_by_tenant('product');
select platform_isolate_by_tenant('code_sequence');
select platform_isolate_by_tenant('reservation');
select platform_isolate_by_tenant('stock_movement');
select platform_isolate_by_tenant('stock_transaction');
select platform_isolate_by_tenant('idempotency_record');
select platform_isolate_by_tenant('model_sku');
select platform_isolate_by_tenant('order_sku_line');
select platform_isolate_by_tenant('spoolman_key');
select platform_isolate_by_tenant('spoolman_vendor');
select platform_isolate_by_tenant('spoolman_filament');
select platform_isolate_by_tenant('spoolman_spool');
select platform_isolate_by_tenant('spoolman_setting');
