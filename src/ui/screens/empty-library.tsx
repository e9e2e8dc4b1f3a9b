import { Box, Text } from 'ink';
import type { User } from '../../domain/user.js';
import { useTheme } from '../theme.js';

/** First run: nothing scanned yet. Admins can add a folder right here; others are told who can. */
export function EmptyLibrary({ user }: { user: User }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.accent}>Your music library is empty.</Text>
      {user.role === 'admin' ? (
        <>
          <Text>Press Enter to add a music folder; it is scanned right away.</Text>
          <Text dimColor>(or from a shell: tunes library add ~/Music)</Text>
        </>
      ) : (
        <>
          <Text>Only an admin can add music folders.</Text>
          <Text dimColor>Ask the admin of this tunes (the first account created) to run: tunes library add &lt;folder&gt;</Text>
        </>
      )}
    </Box>
  );
}
