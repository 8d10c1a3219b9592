import type { LoginInput, PasswordChangeInput, SessionInfo } from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

export function login(input: LoginInput): Promise<SessionInfo> {
  return apiRequest<SessionInfo>('/api/auth/login', {
    method: 'POST',
    body: input,
    ignoreUnauthenticated: true,
  });
}

export function logout(): Promise<void> {
  return apiRequest<void>('/api/auth/logout', { method: 'POST' });
}

export function fetchSession(): Promise<SessionInfo> {
  return apiRequest<SessionInfo>('/api/auth/me', { ignoreUnauthenticated: true });
}

export function changePassword(input: PasswordChangeInput): Promise<void> {
  return apiRequest<void>('/api/auth/password', { method: 'POST', body: input });
}
