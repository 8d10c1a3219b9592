import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CommonErrorCode, can, type Action, type SessionInfo, type SessionUser } from '@tongban/contracts';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from './api-client';
import { fetchSession, logout as logoutRequest } from '../modules/auth/api';
import { notifyWarning } from './notify';
import { i18n } from './i18n';

type AuthState = {
  /** undefined while the session is being checked, null when signed out. */
  user: SessionUser | null | undefined;
  signIn: (session: SessionInfo) => void;
  signOut: () => Promise<void>;
  can: (action: Action) => boolean;
};

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  const clearSession = useCallback(() => {
    setCsrfToken(undefined);
    setUser(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    let cancelled = false;
    fetchSession()
      .then((s) => {
        if (cancelled) return;
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.code === CommonErrorCode.SESSION_EXPIRED) {
          notifyWarning(i18n.t('layout.sessionExpired'));
        }
        setUser(null);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    // Any 401 while signed in: the session is gone; the route guard then sends the user to /login.
    setUnauthenticatedHandler((code) => {
      if (code === CommonErrorCode.SESSION_EXPIRED) notifyWarning(i18n.t('layout.sessionExpired'));
      clearSession();
    });
    return () => setUnauthenticatedHandler(undefined);
  }, [clearSession]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      signIn: (session) => {
        queryClient.clear();
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      },
      signOut: async () => {
        // Signing out locally must work even when the server call fails (e.g. session already gone).
        await logoutRequest().catch(() => undefined);
        clearSession();
      },
      can: (action) => !!user && can(user.role, action),
    }),
    [user, queryClient, clearSession],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside AuthProvider');
  return ctx;
}

/** The signed-in user; only for screens behind the route guard. */
export function useCurrentUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}
