/** The hint under "Convites pendentes": the expired ones, counted as the lists mark them ("Convite expirado"). */
export function expiredInvitesHint(count: number): string {
  if (count === 0) return 'Nenhum convite expirado';
  return count === 1 ? '1 convite expirado' : `${count} convites expirados`;
}
