-- Every tenant table is kept apart by Postgres row-level security (platform_isolate_by_tenant): a session sees and
-- writes only its tenant's rows, whatever statement it runs. Hibernate's tenant filter (@TenantId) did this per
-- query and kept Hibernate from caching any query plan.
select platform_isolate_by_tenant('team');
select platform_isolate_by_tenant('facility');
select platform_isolate_by_tenant('infrastructure_connection');
select platform_isolate_by_tenant('provider_usage');
select platform_isolate_by_tenant('production');
select platform_isolate_by_tenant('resource_transaction');
select platform_isolate_by_tenant('inventory_item');
