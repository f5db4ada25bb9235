-- notes and communications are bounded like every other column, so a client learns the bound from a 400; text
-- written before the bound stays as it is (not valid: only new and changed rows are checked)
alter table order_note add constraint ck_order_note_content check (char_length(content) <= 10000) not valid;
alter table order_communication add constraint ck_order_communication_message
    check (char_length(message) <= 10000) not valid;
alter table shop_order add constraint ck_shop_order_notes check (char_length(notes) <= 10000) not valid;
