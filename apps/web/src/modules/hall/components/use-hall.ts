import { usePublicHalls } from '../api';

/** The hall the screens work on: the first hall that has item groups (the county centre). */
export function useHall() {
  const q = usePublicHalls();
  return { hall: q.data?.halls[0], loading: q.isLoading };
}
