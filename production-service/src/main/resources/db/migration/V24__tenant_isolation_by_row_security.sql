-- Every tenant table is kept apart by Postgres row-level security (platform_isolate_by_tenant), as the catalog
-- copies already are: a session sees and writes only its tenant's rows, whatever statement it runs. Hibernate's
-- tenant filter (@TenantId) did this per query and kept Hibernate from caching any query plan.
select platform_isolate_by_tenant('production_run');
select platform_isolate_by_tenant('production_run_plate');
select platform_isolate_by_tenant('production_run_item');
select platform_isolate_by_tenant('production_run_material');
select platform_isolate_by_tenant('production_sequence');
select platform_isolate_by_tenant('process_operator');
select platform_isolate_by_tenant('process_reactor');
select platform_isolate_by_tenant('process_recipe');
select platform_isolate_by_tenant('process_order');
select platform_isolate_by_tenant('process_batch');
select platform_isolate_by_tenant('process_batch_lot');
select platform_isolate_by_tenant('process_quality_metric');
select platform_isolate_by_tenant('process_station');
select platform_isolate_by_tenant('process_station_queue');
