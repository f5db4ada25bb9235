-- specs/002 Rate Limiting is platform-commons' rate limiter now (table platform_rate_limit); this table keeps only
-- what it was also used for, the Etsy API key's request budget (etsy/client/EtsyBudget), under that name
alter table rate_bucket rename to etsy_request_budget;
alter table etsy_request_budget rename constraint rate_bucket_pkey to etsy_request_budget_pkey;
delete from etsy_request_budget where bucket_key not like 'etsy:%';
