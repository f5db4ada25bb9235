-- Every tenant table is kept apart by Postgres row-level security (platform_isolate_by_tenant): a session sees and
-- writes only its tenant's rows, whatever statement it runs. Hibernate's tenant filter (@TenantId) did this per
-- query and kept Hibernate from caching any query plan. The schedule lists the connected shops across tenants in
-- the service's system scope.
select platform_isolate_by_tenant('app_user');
select platform_isolate_by_tenant('etsy_shop');
select platform_isolate_by_tenant('shop_order');
select platform_isolate_by_tenant('order_item');
select platform_isolate_by_tenant('order_note');
select platform_isolate_by_tenant('order_communication');
select platform_isolate_by_tenant('sync_run');
select platform_isolate_by_tenant('print_job_fact');
select platform_isolate_by_tenant('stock_item_state');
select platform_isolate_by_tenant('production_link');
select platform_isolate_by_tenant('refused_receipt');
