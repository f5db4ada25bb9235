-- Models and spools announce themselves on inventory.catalog when they change. What existed before that is
-- announced once at start (catalog/CatalogAnnouncement); this row says it is still to do and goes when it is done.
create table catalog_announcement (
    pending boolean primary key
);
insert into catalog_announcement (pending) values (true);
