create table gadget (
    id        uuid primary key,
    tenant_id varchar(64)   not null,
    code      varchar(20)   not null,
    weight    numeric(8, 3) not null check (weight > 0),
    made_on   date,
    kind      varchar(20),
    unique (tenant_id, code)
);
