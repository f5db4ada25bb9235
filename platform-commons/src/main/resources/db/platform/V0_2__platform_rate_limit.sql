-- Fixed-window request counters of the rate limiter (platform-commons ratelimit/): one row per bucket and window,
-- shared by every replica of the service.
create table platform_rate_limit (
    bucket       varchar(400) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (bucket, window_start)
);

create index platform_rate_limit_window on platform_rate_limit (window_start);
