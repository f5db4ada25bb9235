-- A printer id is chosen by clients and unique per tenant only: the row gets a key of its own and (tenant_id, id)
-- stays unique, so two tenants may both register printer "x".
create sequence printer_seq start with 1 increment by 50;
alter table printer add column pk bigint;
update printer set pk = nextval('printer_seq');
alter table printer alter column pk set not null;
alter table printer drop constraint printer_pkey;
alter table printer add primary key (pk);
alter table printer add constraint printer_tenant_id_unique unique (tenant_id, id);
-- a Bambu printer added without its serial is identified by the certificate it presents first
alter table printer add column certificate_fingerprint varchar(100);

-- specs/003 job detail: the printer's own job id, print_settings and quality_metrics
alter table print_job add column printer_job_ref varchar(64);
alter table print_job add column layer_height double precision;
alter table print_job add column infill integer;
alter table print_job add column print_speed integer;
alter table print_job add column nozzle_temp integer;
alter table print_job add column bed_temp integer;
alter table print_job add column first_layer_adhesion varchar(16);
alter table print_job add column surface_finish varchar(16);
alter table print_job add column dimensional_accuracy double precision;

-- specs/003 file detail: slicer metadata, the plate preview and the content's hashes
alter table printer_file add column metadata text;
alter table printer_file add column thumbnail bytea;
alter table printer_file add column metadata_read_at timestamptz;
alter table printer_file add column sha256 varchar(80);
