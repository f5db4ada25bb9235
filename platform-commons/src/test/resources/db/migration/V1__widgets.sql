create table widget (
    id        uuid primary key,
    tenant_id varchar(64)  not null,
    name      varchar(100) not null,
    stock     integer      not null default 0
);
