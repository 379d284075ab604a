-- The rules about a ticket's status that SQL needs, written once here so queries call them instead of listing
-- status names. They mirror TicketStatusNames in ZaloBot.Domain/Tickets/TicketStatus.cs (a test compares them for
-- every status). Plain SQL functions, immutable and not strict, so the planner inlines them: a query that calls one
-- still matches the partial indexes whose predicates list the same names.

-- Open: not finished. A resolved ticket is open (the citizen may still say it is not fixed).
create function ticket_is_open(status text) returns boolean
    language sql immutable parallel safe
    as $$ select $1 not in ('closed', 'rejected') $$;

-- Answered: what the public sees as done (Open311's "closed"): resolved, closed or rejected.
create function ticket_is_answered(status text) returns boolean
    language sql immutable parallel safe
    as $$ select $1 in ('resolved', 'closed', 'rejected') $$;

-- The resolution clock runs: accepted, assigned or in progress (not on hold, not yet resolved).
create function ticket_clock_runs(status text) returns boolean
    language sql immutable parallel safe
    as $$ select $1 in ('accepted', 'assigned', 'in_progress') $$;

-- Waiting for acceptance: the first-response and acceptance clocks run.
create function ticket_awaits_acceptance(status text) returns boolean
    language sql immutable parallel safe
    as $$ select $1 = 'received' $$;

-- Similar reports look among the unanswered tickets of a category, on hold included; this index left on_hold out
-- (it predates that status), so the query's predicate no longer implied it. Rebuilt on the rule itself.
drop index if exists tickets_open_by_category;
create index tickets_open_by_category on tickets (category_code, id desc) where not ticket_is_answered(status);
