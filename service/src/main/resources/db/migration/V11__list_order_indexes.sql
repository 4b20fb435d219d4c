-- The lists page in name order: with these indexes PostgreSQL reads a page's ids in that order
-- and stops, instead of sorting every matching row.
create index lab_name_order_idx on lab (name, id);
create index item_name_order_idx on item (name, id);
create index project_title_order_idx on project (title, id);
