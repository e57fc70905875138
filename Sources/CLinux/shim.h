// Linux system calls that Swift's Glibc module leaves out (glibc declares them only under
// _GNU_SOURCE, which the module is built without). Declared here as glibc exports them.
#ifndef KIEMDIEM_CLINUX_SHIM_H
#define KIEMDIEM_CLINUX_SHIM_H

// syncfs(2): flushes the one file system that holds `fd` (glibc ≥ 2.14, Linux ≥ 2.6.39). One
// flush for a whole batch of new files, where fsync on each costs a journal commit apiece.
extern int syncfs(int fd);

#endif
