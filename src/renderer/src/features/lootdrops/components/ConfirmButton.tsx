import { Button, type ButtonProps } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';

/** A destructive button that asks once: the first click arms it ("Sure? …"), the second acts. */
export function ConfirmButton({ children, confirmLabel, onConfirm, ...props }: ButtonProps & { children: ReactNode; confirmLabel: string; onConfirm(): void }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(timer);
  }, [armed]);
  return (
    <Button
      {...props}
      variant={armed ? 'filled' : props.variant}
      onClick={() => {
        if (!armed) return setArmed(true);
        setArmed(false);
        onConfirm();
      }}
    >
      {armed ? confirmLabel : children}
    </Button>
  );
}
