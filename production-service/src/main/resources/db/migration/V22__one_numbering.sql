-- One numbering for production-service: run numbers (run-YYYYMMDD), lot numbers (lot-yyyyMMdd) and production order
-- numbers (po-yyyy) count in one per-tenant table. Every counter carries over its current value, so no number is
-- ever handed out twice.
create table production_sequence (
    tenant_id varchar(64) not null,
    name varchar(64) not null,
    value bigint not null,
    primary key (tenant_id, name)
);

insert into production_sequence (tenant_id, name, value)
select tenant_id, name, value from process_sequence;

insert into production_sequence (tenant_id, name, value)
select tenant_id, 'run-' || to_char(day, 'YYYYMMDD'), last_value from production_run_counter;

drop table process_sequence;
drop table production_run_counter;
