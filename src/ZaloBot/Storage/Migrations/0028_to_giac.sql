-- "Tố giác" is how many citizens say tố cáo; the built-in rule (Tracks/TicketTracks.cs) has it, and a database that
-- an operator has not changed gets it too.
update ticket_tracks
   set keywords = array_append(keywords, 'tố giác')
 where code = 'to_cao' and not ('tố giác' = any (keywords));
