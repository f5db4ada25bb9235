-- Issue 9 C4: run items for order items, plates named for printers, printer-reported grams, cost of goods.
alter table production_run_item add column order_id bigint;
alter table production_run_item add column order_item_id bigint;
alter table production_run_item add column cost_of_goods numeric(14, 2);
create index production_run_item_order_item on production_run_item (tenant_id, order_item_id);

alter table production_run_plate add column file_name varchar(255);

-- the spool's material type and color, kept when the material is added: printer trays map to them
alter table production_run_material add column material_type varchar(64);
alter table production_run_material add column color varchar(100);
alter table production_run_material add column printer_reported_grams double precision;

alter table production_run add column waste_grams double precision;
alter table production_run add column machine_hours double precision;
alter table production_run add column machine_cost numeric(14, 2);
alter table production_run add column cost_of_goods numeric(14, 2);
