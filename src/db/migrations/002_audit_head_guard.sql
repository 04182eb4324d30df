-- The audit log's head moves only forward, one entry at a time, and in step with the log: it can
-- be neither deleted nor wound back, so cutting the tail of the log and its head together is no
-- longer possible without the database owner disabling triggers.
create function audit_head_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.seq <> 1 or exists (select 1 from audit_log where seq > 1) then
      raise exception 'audit_head starts at entry 1';
    end if;
  elsif tg_op = 'UPDATE' then
    if new.seq <> old.seq + 1 then
      raise exception 'audit_head moves forward one entry at a time (from % to %)', old.seq, new.seq;
    end if;
  else
    raise exception 'audit_head cannot be deleted';
  end if;
  if not exists (select 1 from audit_log where seq = new.seq and hash = new.hash) then
    raise exception 'audit_head must name an entry of audit_log';
  end if;
  return new;
end $$
;;
create trigger audit_head_forward before insert or update or delete on audit_head
  for each row execute function audit_head_forward_only()
;;
create trigger audit_head_no_truncate before truncate on audit_head
  for each statement execute function audit_log_append_only()
