// The header's word on the device: online or not, and how many field records wait in the outbox
// (a link to it). Its box keeps its size whatever it says, so nothing moves when the network comes
// and goes. Also the warning when the device's clock is far from the server's, and the sender
// that empties the outbox while the user is signed in.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '../api.ts';
import { CLOCK_OFF_MS, useClockSkew } from '../device/clock.ts';
import { warmDeviceCopy } from '../device/fieldData.ts';
import { useOnline } from '../device/network.ts';
import { isUnsent, keepSending, onRecordSent, useOutbox } from '../device/outbox.ts';

export function DeviceStatus({ me }: { me: Me }) {
  const { t } = useTranslation();
  const online = useOnline();
  const queryClient = useQueryClient();
  const { userId } = me;
  const { records } = useOutbox(userId);
  const unsent = records.filter(isUnsent);
  const refused = unsent.filter((r) => r.state === 'refused').length;
  useEffect(() => keepSending(userId), [userId]);
  // What the outbox delivers counts in the operation's figures.
  useEffect(() => onRecordSent((record) => void queryClient.invalidateQueries({ queryKey: ['results', record.operationId] })), [queryClient]);
  // Signed in, or back online: the device's copy of what the field screens read is brought up to date.
  useEffect(() => {
    if (online) void warmDeviceCopy(queryClient, me).catch(() => undefined);
  }, [online, queryClient, me]);
  return (
    <NavLink to="/outbox" className={`device${online ? '' : ' device-offline'}${refused ? ' device-refused' : ''}`} data-online={online} data-unsent={unsent.length}>
      <span className="device-net" aria-hidden="true" />
      <span className="device-text">
        {online ? t('device.online') : t('device.offline')} · {unsent.length === 0 ? t('device.allSent') : t('device.unsent', { count: unsent.length })}
      </span>
    </NavLink>
  );
}

/** A banner when the device's clock is more than five minutes from the server's. */
export function ClockWarning() {
  const { t } = useTranslation();
  const skew = useClockSkew();
  if (skew === null || Math.abs(skew) < CLOCK_OFF_MS) return null;
  const minutes = Math.round(Math.abs(skew) / 60_000);
  const amount = minutes >= 120 ? t('device.hours', { count: Math.round(minutes / 60) }) : t('device.minutes', { count: minutes });
  return (
    <p className="clock-warning" role="status" data-skew={Math.round(skew / 1000)}>
      {t(skew > 0 ? 'device.clockAhead' : 'device.clockBehind', { amount })}
    </p>
  );
}
