-- Tenant isolation by Postgres itself (row-level security): a service's migration calls
-- platform_isolate_by_tenant('its_table') for every table holding tenant rows (a tenant_id column). Then every
-- statement on that table, whatever wrote it (Hibernate, native SQL, JDBC), sees and writes only the rows of the
-- session's tenant, set per connection by platform-commons (tenancy/TenantSessions) in nozzly.tenant; '*' is the
-- service's own cross-tenant work (tenancy/TenantContext.callAsSystem); no setting sees nothing. FORCE applies it to
-- the table's owner too; only a superuser bypasses it, which is why the services never connect as one.
create or replace function platform_isolate_by_tenant(target regclass) returns void language plpgsql as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy tenant_isolation on %s'
        || ' using (tenant_id = current_setting(''nozzly.tenant'', true) or current_setting(''nozzly.tenant'', true) = ''*'')'
        || ' with check (tenant_id = current_setting(''nozzly.tenant'', true) or current_setting(''nozzly.tenant'', true) = ''*'')',
        target);
end
$$;
