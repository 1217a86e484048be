import { useNavigation } from 'react-router';
import './route-progress.css';

/** A thin bar at the top while the next page's code or data is loading. */
export function RouteProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <div className="route-progress" aria-hidden="true" />;
}
