-- Purchase coordination ("bei Anschaffungen abstimmen"): a lab proposes a purchase, others
-- express interest or pledge money and/or units; received units become inventory items.
create table purchase_proposal (
    id                  uuid primary key,
    lab_id              uuid           not null references lab (id),
    title               varchar(200)   not null,
    category            varchar(60)    not null check (category ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description         text           not null default '',
    quantity            integer        not null check (quantity between 1 and 1000),
    estimated_cost      numeric(12, 2) not null check (estimated_cost >= 0),
    currency            char(3)        not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
    justification       text           not null,
    decision_deadline   date           not null,
    status              varchar(10)    not null check (status in ('open', 'agreed', 'ordered', 'received', 'rejected', 'withdrawn')),
    created_by          varchar(300)   not null,
    created_at          timestamptz    not null default now(),
    updated_at          timestamptz    not null default now(),
    version             bigint         not null default 0
);
create index purchase_proposal_lab_idx on purchase_proposal (lab_id);

create table purchase_pledge (
    id           uuid primary key,
    proposal_id  uuid           not null references purchase_proposal (id) on delete cascade,
    lab_id       uuid           not null references lab (id),
    kind         varchar(10)    not null check (kind in ('interest', 'pledge')),
    amount       numeric(12, 2) check (amount >= 0),
    quantity     integer        check (quantity between 0 and 1000),
    comment      text,
    created_by   varchar(300)   not null,
    created_at   timestamptz    not null default now(),
    unique (proposal_id, lab_id),
    check (kind = 'interest' or amount is not null or quantity is not null)
);

alter table item add column purchase_id uuid references purchase_proposal (id);
