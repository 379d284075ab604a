-- The due date each clock was last escalated for: a breach is a due date in the past that differs from it. The partial
-- indexes hold only tickets with a breach not escalated yet, so the escalation monitor's scan stays small however long
-- the backlog (0012 checked ticket_escalations for every ticket with a broken clock: 2.7 s a minute over 1,000,000).
alter table tickets add column first_response_escalated_for timestamptz;
alter table tickets add column acceptance_escalated_for timestamptz;
alter table tickets add column resolution_escalated_for timestamptz;

-- Breaches already escalated under 0012 are not escalated again.
update tickets t set first_response_escalated_for = e.due_at
from ticket_escalations e where e.ticket_id = t.id and e.kind = 'first_response' and e.due_at = t.first_response_due_at;
update tickets t set acceptance_escalated_for = e.due_at
from ticket_escalations e where e.ticket_id = t.id and e.kind = 'acceptance' and e.due_at = t.acceptance_due_at;
update tickets t set resolution_escalated_for = e.due_at
from ticket_escalations e where e.ticket_id = t.id and e.kind = 'resolution' and e.due_at = t.due_at;

drop index if exists tickets_waiting_acceptance;
create index tickets_first_response_breach on tickets (first_response_due_at)
    where status = 'received' and first_response_escalated_for is distinct from first_response_due_at;
create index tickets_acceptance_breach on tickets (acceptance_due_at)
    where status = 'received' and acceptance_escalated_for is distinct from acceptance_due_at;
-- (due_at, id), not (due_at): otherwise the planner takes tickets_open_due, which holds every open ticket.
create index tickets_resolution_breach on tickets (due_at, id)
    where status in ('accepted', 'assigned', 'in_progress') and resolution_escalated_for is distinct from due_at;

-- The console's urgent block is ordered by its clock.
drop index if exists tickets_urgent_queue;
create index tickets_urgent_queue on tickets (status, (coalesce(first_response_due_at, due_at)), id) where priority = 'urgent';
