-- Every tenant table is kept apart by Postgres row-level security (platform_isolate_by_tenant): a session sees and
-- writes only its tenant's rows, whatever statement it runs. Hibernate's tenant filter (@TenantId) did this per
-- query and kept Hibernate from caching any query plan. What works across tenants (connecting every printer, the
-- queue dispatcher, webhook deliveries) reads on a connection of the service's system scope.
select platform_isolate_by_tenant('printer');
select platform_isolate_by_tenant('print_job');
select platform_isolate_by_tenant('printer_file');
select platform_isolate_by_tenant('ams_tray');
select platform_isolate_by_tenant('scheduled_print');
select platform_isolate_by_tenant('notification_setting');
select platform_isolate_by_tenant('webhook_delivery');
