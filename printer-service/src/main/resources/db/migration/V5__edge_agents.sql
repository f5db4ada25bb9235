-- Edge agents: a farm's process that connects outbound to this service and runs the printers of its network.
-- An agent is enrolled once with a short-lived code (kept as its SHA-256 only) and holds a credential of its own
-- (also kept as its SHA-256 only) until an admin revokes it. A printer names the agent it is reached through.
create table edge_agent (
    tenant_id varchar(64) not null,
    id varchar(36) not null primary key,
    name varchar(200) not null,
    version varchar(64),
    host varchar(255),
    credential_hash varchar(64) not null unique,
    enrolled_at timestamptz not null,
    last_seen_at timestamptz,
    revoked_at timestamptz
);
create index edge_agent_tenant on edge_agent (tenant_id, enrolled_at);

create table edge_enrollment (
    tenant_id varchar(64) not null,
    code_hash varchar(64) not null primary key,
    name varchar(200),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    agent_id varchar(36)
);

alter table printer add column agent_id varchar(36);

select platform_isolate_by_tenant('edge_agent');
select platform_isolate_by_tenant('edge_enrollment');
