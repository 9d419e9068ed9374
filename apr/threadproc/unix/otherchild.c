/*
 * The registry of "other children": processes a server starts besides its
 * workers (loggers, helpers), whose death it wants to hear about.
 *
 * One process-wide list, unlocked as in APR: it is meant for the thread
 * that manages the children.
 */
#include "apr_arch_threadproc.h"
#include "apr_arch_file_io.h"

#include <sys/wait.h>

struct apr_other_child_rec_t {
    apr_pool_t *p;
    struct apr_other_child_rec_t *next;
    apr_proc_t *proc;          /* NULL once it is known to have ended */
    void (*maintenance)(int reason, void *data, int status);
    void *data;
    int write_fd;              /* -1 if none */
};

static apr_other_child_rec_t *other_children = NULL;

/* Unlink the registration of data, telling its owner. */
static apr_status_t other_child_cleanup(void *data)
{
    apr_other_child_rec_t **pocr, *ocr;

    for (pocr = &other_children; *pocr; pocr = &(*pocr)->next) {
        ocr = *pocr;
        if (ocr->data == data) {
            *pocr = ocr->next;
            ocr->maintenance(APR_OC_REASON_UNREGISTER, ocr->data, -1);
            return APR_SUCCESS;
        }
    }
    return APR_SUCCESS;
}

APR_DECLARE(void) apr_proc_other_child_register(apr_proc_t *proc,
    void (*maintenance)(int reason, void *, int status), void *data,
    apr_file_t *write_fd, apr_pool_t *p)
{
    apr_other_child_rec_t *ocr = apr_palloc(p, sizeof(*ocr));

    ocr->p = p;
    ocr->proc = proc;
    ocr->maintenance = maintenance;
    ocr->data = data;
    ocr->write_fd = write_fd ? write_fd->filedes : -1;
    ocr->next = other_children;
    other_children = ocr;
    apr_pool_cleanup_register(p, data, other_child_cleanup,
                              apr_pool_cleanup_null);
}

APR_DECLARE(void) apr_proc_other_child_unregister(void *data)
{
    apr_other_child_rec_t *ocr;

    for (ocr = other_children; ocr; ocr = ocr->next)
        if (ocr->data == data)
            break;
    /* APR crashes on unknown data; here it is a no-op. */
    if (!ocr)
        return;
    apr_pool_cleanup_kill(ocr->p, ocr->data, other_child_cleanup);
    other_child_cleanup(data);
}

APR_DECLARE(apr_status_t) apr_proc_other_child_alert(apr_proc_t *proc,
                                                     int reason, int status)
{
    apr_other_child_rec_t *ocr;

    for (ocr = other_children; ocr; ocr = ocr->next) {
        /* One known to have ended no longer matches (APR would crash). */
        if (!ocr->proc || ocr->proc->pid != proc->pid)
            continue;
        ocr->proc = NULL;
        ocr->maintenance(reason, ocr->data, status);
        return APR_SUCCESS;
    }
    return APR_EPROC_UNKNOWN;
}

APR_DECLARE(void) apr_proc_other_child_refresh(apr_other_child_rec_t *ocr,
                                               int reason)
{
    pid_t pid;
    int status;

    if (!ocr->proc)
        return;
    pid = waitpid(ocr->proc->pid, &status, WNOHANG);
    if (pid == ocr->proc->pid) {
        ocr->proc = NULL;
        ocr->maintenance(APR_OC_REASON_DEATH, ocr->data, status);
    }
    else if (pid == 0) {
        ocr->maintenance(reason, ocr->data, -1);
    }
    else if (pid == -1) {
        /* Reaped elsewhere without an alert, or never ours. */
        ocr->proc = NULL;
        ocr->maintenance(APR_OC_REASON_LOST, ocr->data, -1);
    }
}

APR_DECLARE(void) apr_proc_other_child_refresh_all(int reason)
{
    apr_other_child_rec_t *ocr, *next;

    /* A maintenance function may unregister itself. */
    for (ocr = other_children; ocr; ocr = next) {
        next = ocr->next;
        apr_proc_other_child_refresh(ocr, reason);
    }
}
