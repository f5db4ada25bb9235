select platform_isolate_by_tenant('widget');
select platform_isolate_by_tenant('gadget');
