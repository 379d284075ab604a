-- The public list (Open311, the answers page) may show only tickets whose citizen agreed to publication, or that came
-- from another channel; a Zalo citizen who said nothing is never shown. When most citizens say nothing, newest-first
-- over the (created_at, id) index read nearly every ticket to fill a page (350 ms over a million with none public).
-- This index holds only the candidates; the query repeats its predicate so the planner can use it.
create index if not exists tickets_public_candidates on tickets (created_at desc, id desc)
    where coalesce(publish, channel <> 'zalo') and track <> 'to_cao';
