import { useState } from 'react';

/** State of a create/edit modal: closed, creating (record undefined) or editing a record. */
export function useEditModal<T>() {
  const [state, setState] = useState<{ open: boolean; record?: T }>({ open: false });
  return {
    open: state.open,
    record: state.record,
    isEdit: state.record !== undefined,
    openCreate: () => setState({ open: true }),
    openEdit: (record: T) => setState({ open: true, record }),
    close: () => setState({ open: false }),
  };
}
