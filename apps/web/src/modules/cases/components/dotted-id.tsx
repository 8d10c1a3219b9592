import { Fragment } from 'react';

/**
 * An identifier with dots (a license id: 1.2.156.3005.2.…) that, when it must wrap, wraps after a
 * dot rather than in the middle of a number.
 */
export function DottedId({ id }: { id: string }) {
  const parts = id.split('.');
  return (
    <span style={{ wordBreak: 'keep-all', overflowWrap: 'normal' }}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </Fragment>
      ))}
    </span>
  );
}
