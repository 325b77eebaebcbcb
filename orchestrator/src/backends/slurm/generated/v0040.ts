// GENERATED FILE: do not edit by hand.
// Produced by scripts/gen-slurm-types.mjs from openapi/v0040.json (openapi-typescript).
// Regenerate with: node scripts/gen-slurm-types.mjs
/* eslint-disable */

export interface paths {
    "/slurmdb/v0.0.40/job/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get job info
         * @description This endpoint may return multiple job entries since job_id is not a unique key - only the tuple (cluster, job_id, start_time) is unique. If the requested job_id is a component of a heterogeneous job all components are returned.
         */
        get: operations["slurmdb_v0040_get_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dump all configuration information */
        get: operations["slurmdb_v0040_get_config"];
        put?: never;
        /** Load all configuration information */
        post: operations["slurmdb_v0040_post_config"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/tres/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get TRES info */
        get: operations["slurmdb_v0040_get_tres"];
        put?: never;
        /** Add TRES */
        post: operations["slurmdb_v0040_post_tres"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/qos/{qos}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get QOS info */
        get: operations["slurmdb_v0040_get_single_qos"];
        put?: never;
        post?: never;
        /** Delete QOS */
        delete: operations["slurmdb_v0040_delete_single_qos"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/qos/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get QOS list */
        get: operations["slurmdb_v0040_get_qos"];
        put?: never;
        /** Add or update QOSs */
        post: operations["slurmdb_v0040_post_qos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/associations/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get association list */
        get: operations["slurmdb_v0040_get_associations"];
        put?: never;
        /** Set associations info */
        post: operations["slurmdb_v0040_post_associations"];
        /** Delete associations */
        delete: operations["slurmdb_v0040_delete_associations"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/association/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get association info */
        get: operations["slurmdb_v0040_get_association"];
        put?: never;
        post?: never;
        /** Delete association */
        delete: operations["slurmdb_v0040_delete_association"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/instances/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get instance list */
        get: operations["slurmdb_v0040_get_instances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/instance/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get instance info */
        get: operations["slurmdb_v0040_get_instance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/user/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get user info */
        get: operations["slurmdb_v0040_get_user"];
        put?: never;
        post?: never;
        /** Delete user */
        delete: operations["slurmdb_v0040_delete_user"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/users_association/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add users with conditional association */
        post: operations["slurmdb_v0040_post_users_association"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get user list */
        get: operations["slurmdb_v0040_get_users"];
        put?: never;
        /** Update users */
        post: operations["slurmdb_v0040_post_users"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/cluster/{cluster_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get cluster info */
        get: operations["slurmdb_v0040_get_cluster"];
        put?: never;
        post?: never;
        /** Delete cluster */
        delete: operations["slurmdb_v0040_delete_cluster"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/clusters/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get cluster list */
        get: operations["slurmdb_v0040_get_clusters"];
        put?: never;
        /** Get cluster list */
        post: operations["slurmdb_v0040_post_clusters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/wckey/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get wckey info */
        get: operations["slurmdb_v0040_get_wckey"];
        put?: never;
        post?: never;
        /** Delete wckey */
        delete: operations["slurmdb_v0040_delete_wckey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/wckeys/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get wckey list */
        get: operations["slurmdb_v0040_get_wckeys"];
        put?: never;
        /** Add or update wckeys */
        post: operations["slurmdb_v0040_post_wckeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/account/{account_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get account info */
        get: operations["slurmdb_v0040_get_account"];
        put?: never;
        post?: never;
        /** Delete account */
        delete: operations["slurmdb_v0040_delete_account"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/accounts_association/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add accounts with conditional association */
        post: operations["slurmdb_v0040_post_accounts_association"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/accounts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get account list */
        get: operations["slurmdb_v0040_get_accounts"];
        put?: never;
        /** Add/update list of accounts */
        post: operations["slurmdb_v0040_post_accounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/jobs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get job list */
        get: operations["slurmdb_v0040_get_jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurmdb/v0.0.40/diag/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get slurmdb diagnostics */
        get: operations["slurmdb_v0040_get_diag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get fairshare info */
        get: operations["slurm_v0040_get_shares"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/reconfigure/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** request slurmctld reconfigure */
        get: operations["slurm_v0040_get_reconfigure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/diag/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get diagnostics */
        get: operations["slurm_v0040_get_diag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/ping/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ping test */
        get: operations["slurm_v0040_get_ping"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/licenses/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get all Slurm tracked license info */
        get: operations["slurm_v0040_get_licenses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/job/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** submit new job */
        post: operations["slurm_v0040_post_job_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/jobs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get list of jobs */
        get: operations["slurm_v0040_get_jobs"];
        put?: never;
        post?: never;
        /** send signal to list of jobs */
        delete: operations["slurm_v0040_delete_jobs"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/jobs/state/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get list of job states */
        get: operations["slurm_v0040_get_jobs_state"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/job/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get job info */
        get: operations["slurm_v0040_get_job"];
        put?: never;
        /** update job */
        post: operations["slurm_v0040_post_job"];
        /** cancel or signal job */
        delete: operations["slurm_v0040_delete_job"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/nodes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get node(s) info */
        get: operations["slurm_v0040_get_nodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/node/{node_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get node info */
        get: operations["slurm_v0040_get_node"];
        put?: never;
        /** update node properties */
        post: operations["slurm_v0040_post_node"];
        /** delete node */
        delete: operations["slurm_v0040_delete_node"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/partitions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get all partition info */
        get: operations["slurm_v0040_get_partitions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/partition/{partition_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get partition info */
        get: operations["slurm_v0040_get_partition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/reservations/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get all reservation info */
        get: operations["slurm_v0040_get_reservations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slurm/v0.0.40/reservation/{reservation_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** get reservation info */
        get: operations["slurm_v0040_get_reservation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        "v0.0.40_openapi_slurmdbd_jobs_resp": {
            /** @description jobs */
            jobs: components["schemas"]["v0.0.40_job_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_job_list": components["schemas"]["v0.0.40_job"][];
        "v0.0.40_job": {
            /** @description Account the job ran under */
            account?: string;
            comment?: {
                /** @description Arbitrary comment made by administrator */
                administrator?: string;
                /** @description Arbitrary comment made by user */
                job?: string;
                /** @description Arbitrary comment from slurmctld */
                system?: string;
            };
            /**
             * Format: int32
             * @description List of nodes allocated to the job
             */
            allocation_nodes?: number;
            array?: {
                /**
                 * Format: int32
                 * @description Job ID of job array, or 0 if N/A
                 */
                job_id?: number;
                limits?: {
                    max?: {
                        running?: {
                            /**
                             * Format: int32
                             * @description Maximum number of simultaneously running tasks, 0 if no limit
                             */
                            tasks?: number;
                        };
                    };
                };
                /** @description Task ID of this task in job array */
                task_id?: components["schemas"]["v0.0.40_uint32_no_val"];
                /** @description String expression of task IDs in this record */
                task?: string;
            };
            /** @description Unique identifier for the association */
            association?: components["schemas"]["v0.0.40_assoc_short"];
            /** @description The name of the block to be used (used with Blue Gene systems) */
            block?: string;
            /** @description Cluster name */
            cluster?: string;
            /** @description Feature(s) the job requested as a constraint */
            constraints?: string;
            /** @description Absolute path to OCI container bundle */
            container?: string;
            /** @description return code returned by process */
            derived_exit_code?: components["schemas"]["v0.0.40_process_exit_code_verbose"];
            time?: {
                /**
                 * Format: int32
                 * @description Elapsed time in seconds
                 */
                elapsed?: number;
                /**
                 * Format: int64
                 * @description Time when the job became eligible to run (UNIX timestamp)
                 */
                eligible?: number;
                /**
                 * Format: int64
                 * @description End time (UNIX timestamp)
                 */
                end?: number;
                /**
                 * Format: int64
                 * @description Time execution began (UNIX timestamp)
                 */
                start?: number;
                /**
                 * Format: int64
                 * @description Time when the job was submitted (UNIX timestamp)
                 */
                submission?: number;
                /**
                 * Format: int32
                 * @description Total time in suspended state in seconds
                 */
                suspended?: number;
                system?: {
                    /**
                     * Format: int64
                     * @description System CPU time used by the job in seconds
                     */
                    seconds?: number;
                    /**
                     * Format: int64
                     * @description System CPU time used by the job in microseconds
                     */
                    microseconds?: number;
                };
                /** @description Maximum run time in minutes */
                limit?: components["schemas"]["v0.0.40_uint32_no_val"];
                total?: {
                    /**
                     * Format: int64
                     * @description Sum of System and User CPU time used by the job in seconds
                     */
                    seconds?: number;
                    /**
                     * Format: int64
                     * @description Sum of System and User CPU time used by the job in microseconds
                     */
                    microseconds?: number;
                };
                user?: {
                    /**
                     * Format: int64
                     * @description User CPU time used by the job in seconds
                     */
                    seconds?: number;
                    /**
                     * Format: int64
                     * @description User CPU time used by the job in microseconds
                     */
                    microseconds?: number;
                };
            };
            /** @description return code returned by process */
            exit_code?: components["schemas"]["v0.0.40_process_exit_code_verbose"];
            /** @description Arbitrary string used for node filtering if extra constraints are enabled */
            extra?: string;
            /** @description Name of node that caused job failure */
            failed_node?: string;
            /** @description Flags associated with the job */
            flags?: ("NONE" | "CLEAR_SCHEDULING" | "NOT_SET" | "STARTED_ON_SUBMIT" | "STARTED_ON_SCHEDULE" | "STARTED_ON_BACKFILL" | "START_RECEIVED")[];
            /** @description Group ID of the user that owns the job */
            group?: string;
            het?: {
                /**
                 * Format: int32
                 * @description Heterogeneous job ID, if applicable
                 */
                job_id?: number;
                /** @description Unique sequence number applied to this component of the heterogeneous job */
                job_offset?: components["schemas"]["v0.0.40_uint32_no_val"];
            };
            /**
             * Format: int32
             * @description Job ID
             */
            job_id?: number;
            /** @description Job name */
            name?: string;
            /** @description License(s) required by the job */
            licenses?: string;
            mcs?: {
                /** @description Multi-Category Security label on the job */
                label?: string;
            };
            /** @description Node(s) allocated to the job */
            nodes?: string;
            /** @description Partition assigned to the job */
            partition?: string;
            /** @description Job held */
            hold?: boolean;
            /** @description Request specific job priority */
            priority?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Quality of Service assigned to the job */
            qos?: string;
            required?: {
                /**
                 * Format: int32
                 * @description Minimum number of CPUs required
                 */
                CPUs?: number;
                /** @description Minimum memory in megabytes per allocated CPU */
                memory_per_cpu?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Minimum memory in megabytes per allocated node */
                memory_per_node?: components["schemas"]["v0.0.40_uint64_no_val"];
            };
            /** @description User ID that requested termination of the job */
            kill_request_user?: string;
            reservation?: {
                /**
                 * Format: int32
                 * @description Unique identifier of requested reservation
                 */
                id?: number;
                /** @description Name of reservation to use */
                name?: string;
            };
            /** @description Job batch script; only the first component in a HetJob is populated or honored */
            script?: string;
            state?: {
                /** @description Current state */
                current?: ("PENDING" | "RUNNING" | "SUSPENDED" | "COMPLETED" | "CANCELLED" | "FAILED" | "TIMEOUT" | "NODE_FAIL" | "PREEMPTED" | "BOOT_FAIL" | "DEADLINE" | "OUT_OF_MEMORY" | "LAUNCH_FAILED" | "UPDATE_DB" | "REQUEUED" | "REQUEUE_HOLD" | "SPECIAL_EXIT" | "RESIZING" | "CONFIGURING" | "COMPLETING" | "STOPPED" | "RECONFIG_FAIL" | "POWER_UP_NODE" | "REVOKED" | "REQUEUE_FED" | "RESV_DEL_HOLD" | "SIGNALING" | "STAGE_OUT")[];
                /** @description Reason for previous Pending or Failed state */
                reason?: string;
            };
            /** @description Individual steps in the job */
            steps?: components["schemas"]["v0.0.40_step_list"];
            /** @description Command used to submit the job */
            submit_line?: string;
            tres?: {
                /** @description Trackable resources allocated to the job */
                allocated?: components["schemas"]["v0.0.40_tres_list"];
                /** @description Trackable resources requested by job */
                requested?: components["schemas"]["v0.0.40_tres_list"];
            };
            /** @description Generic resources used by job */
            used_gres?: string;
            /** @description User that owns the job */
            user?: string;
            /** @description WCKey ID with tagging */
            wckey?: components["schemas"]["v0.0.40_wckey_tag_struct"];
            /** @description Path to current working directory */
            working_directory?: string;
        };
        /** @description Integer number with flags */
        "v0.0.40_uint32_no_val": {
            /**
             * @description True if number has been set. False if number is unset
             * @default false
             */
            set?: boolean;
            /**
             * @description True if number has been set to infinite. "set" and "number" will be ignored.
             * @default 0
             */
            infinite?: boolean;
            /**
             * Format: int64
             * @description If set is True the number will be set with value. Otherwise ignore number contents.
             */
            number?: number;
        };
        "v0.0.40_assoc_short": {
            /** @description Account */
            account?: string;
            /** @description Cluster */
            cluster?: string;
            /** @description Partition */
            partition?: string;
            /** @description User name */
            user: string;
            /**
             * Format: int32
             * @description Numeric association ID
             */
            id?: number;
        };
        "v0.0.40_process_exit_code_verbose": {
            /** @description Status given by return code */
            status?: ("INVALID" | "PENDING" | "SUCCESS" | "ERROR" | "SIGNALED" | "CORE_DUMPED")[];
            /** @description Process return code (numeric) */
            return_code?: components["schemas"]["v0.0.40_uint32_no_val"];
            signal?: {
                /** @description Signal sent to process (numeric) */
                id?: components["schemas"]["v0.0.40_uint16_no_val"];
                /** @description Signal sent to process */
                name?: string;
            };
        };
        /** @description Integer number with flags */
        "v0.0.40_uint16_no_val": {
            /**
             * @description True if number has been set. False if number is unset
             * @default false
             */
            set?: boolean;
            /**
             * @description True if number has been set to infinite. "set" and "number" will be ignored.
             * @default 0
             */
            infinite?: boolean;
            /**
             * Format: int64
             * @description If set is True the number will be set with value. Otherwise ignore number contents.
             */
            number?: number;
        };
        /** @description Integer number with flags */
        "v0.0.40_uint64_no_val": {
            /**
             * @description True if number has been set. False if number is unset
             * @default false
             */
            set?: boolean;
            /**
             * @description True if number has been set to infinite. "set" and "number" will be ignored.
             * @default 0
             */
            infinite?: boolean;
            /**
             * Format: int64
             * @description If set is True the number will be set with value. Otherwise ignore number contents.
             */
            number?: number;
        };
        "v0.0.40_step_list": components["schemas"]["v0.0.40_step"][];
        "v0.0.40_step": {
            time?: {
                /**
                 * Format: int32
                 * @description Elapsed time in seconds
                 */
                elapsed?: number;
                /** @description End time (UNIX timestamp) */
                end?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Time execution began (UNIX timestamp) */
                start?: components["schemas"]["v0.0.40_uint64_no_val"];
                /**
                 * Format: int32
                 * @description Time in suspended state in seconds
                 */
                suspended?: number;
                system?: {
                    /**
                     * Format: int64
                     * @description System CPU time used by the step in seconds
                     */
                    seconds?: number;
                    /**
                     * Format: int32
                     * @description System CPU time used by the step in microseconds
                     */
                    microseconds?: number;
                };
                total?: {
                    /**
                     * Format: int64
                     * @description Total CPU time used by the step in seconds
                     */
                    seconds?: number;
                    /**
                     * Format: int32
                     * @description Total CPU time used by the step in microseconds
                     */
                    microseconds?: number;
                };
                user?: {
                    /**
                     * Format: int64
                     * @description User CPU time used by the step in seconds
                     */
                    seconds?: number;
                    /**
                     * Format: int32
                     * @description User CPU time used by the step in microseconds
                     */
                    microseconds?: number;
                };
            };
            /** @description return code returned by process */
            exit_code?: components["schemas"]["v0.0.40_process_exit_code_verbose"];
            nodes?: {
                /**
                 * Format: int32
                 * @description Number of nodes in the job step
                 */
                count?: number;
                /** @description Node(s) allocated to the job step */
                range?: string;
                /** @description List of nodes used by the step */
                list?: components["schemas"]["v0.0.40_hostlist"];
            };
            tasks?: {
                /**
                 * Format: int32
                 * @description Total number of tasks
                 */
                count?: number;
            };
            /** @description Process ID */
            pid?: string;
            CPU?: {
                requested_frequency?: {
                    /** @description Minimum requested CPU frequency in kHz */
                    min?: components["schemas"]["v0.0.40_uint32_no_val"];
                    /** @description Maximum requested CPU frequency in kHz */
                    max?: components["schemas"]["v0.0.40_uint32_no_val"];
                };
                /** @description Requested CPU frequency governor in kHz */
                governor?: string;
            };
            /** @description User ID that requested termination of the step */
            kill_request_user?: string;
            /** @description Current state */
            state?: ("PENDING" | "RUNNING" | "SUSPENDED" | "COMPLETED" | "CANCELLED" | "FAILED" | "TIMEOUT" | "NODE_FAIL" | "PREEMPTED" | "BOOT_FAIL" | "DEADLINE" | "OUT_OF_MEMORY" | "LAUNCH_FAILED" | "UPDATE_DB" | "REQUEUED" | "REQUEUE_HOLD" | "SPECIAL_EXIT" | "RESIZING" | "CONFIGURING" | "COMPLETING" | "STOPPED" | "RECONFIG_FAIL" | "POWER_UP_NODE" | "REVOKED" | "REQUEUE_FED" | "RESV_DEL_HOLD" | "SIGNALING" | "STAGE_OUT")[];
            statistics?: {
                CPU?: {
                    /**
                     * Format: int64
                     * @description Average weighted CPU frequency of all tasks in kHz
                     */
                    actual_frequency?: number;
                };
                energy?: {
                    /** @description Total energy consumed by all tasks in a job in joules */
                    consumed?: components["schemas"]["v0.0.40_uint64_no_val"];
                };
            };
            step?: {
                /** @description Slurm Job Step ID */
                id?: string;
                /** @description Step name */
                name?: string;
            };
            task?: {
                /** @description The layout of the step was when it was running */
                distribution?: string;
            };
            tres?: {
                requested?: {
                    /** @description Maximum TRES usage requested among all tasks */
                    max?: components["schemas"]["v0.0.40_step_tres_req_max"];
                    /** @description Minimum TRES usage requested among all tasks */
                    min?: components["schemas"]["v0.0.40_step_tres_req_min"];
                    /** @description Average TRES usage requested among all tasks */
                    average?: components["schemas"]["v0.0.40_tres_list"];
                    /** @description Total TRES usage requested among all tasks */
                    total?: components["schemas"]["v0.0.40_tres_list"];
                };
                consumed?: {
                    /** @description Maximum TRES usage consumed among all tasks */
                    max?: components["schemas"]["v0.0.40_step_tres_usage_max"];
                    /** @description Minimum TRES usage consumed among all tasks */
                    min?: components["schemas"]["v0.0.40_step_tres_usage_min"];
                    /** @description Average TRES usage consumed among all tasks */
                    average?: components["schemas"]["v0.0.40_tres_list"];
                    /** @description Total TRES usage consumed among all tasks */
                    total?: components["schemas"]["v0.0.40_tres_list"];
                };
                /** @description Trackable resources allocated to the step */
                allocated?: components["schemas"]["v0.0.40_tres_list"];
            };
        };
        "v0.0.40_hostlist": string[];
        "v0.0.40_step_tres_req_max": components["schemas"]["v0.0.40_tres"][];
        "v0.0.40_tres": {
            /** @description TRES type (CPU, MEM, etc) */
            type: string;
            /** @description TRES name (if applicable) */
            name?: string;
            /**
             * Format: int32
             * @description ID used in database
             */
            id?: number;
            /**
             * Format: int64
             * @description TRES count (0 if listed generically)
             */
            count?: number;
        };
        "v0.0.40_step_tres_req_min": components["schemas"]["v0.0.40_tres"][];
        "v0.0.40_step_tres_usage_max": components["schemas"]["v0.0.40_tres"][];
        "v0.0.40_step_tres_usage_min": components["schemas"]["v0.0.40_tres"][];
        "v0.0.40_tres_list": components["schemas"]["v0.0.40_tres"][];
        "v0.0.40_wckey_tag_struct": {
            /** @description WCKey name */
            wckey: string;
            /** @description Active flags */
            flags: "ASSIGNED_DEFAULT"[];
        };
        "v0.0.40_openapi_meta": {
            plugin?: {
                /** @description Slurm plugin type (if applicable) */
                type?: string;
                /** @description Slurm plugin name (if applicable) */
                name?: string;
                /** @description Slurm data_parser plugin */
                data_parser?: string;
                /** @description Slurm accounting plugin */
                accounting_storage?: string;
            };
            client?: {
                /** @description Client source description */
                source?: string;
                /** @description Client user (if known) */
                user?: string;
                /** @description Client group (if known) */
                group?: string;
            };
            /** @description CLI command (if applicable) */
            command?: components["schemas"]["v0.0.40_string_array"];
            slurm?: {
                version?: {
                    /** @description Slurm release major version */
                    major?: string;
                    /** @description Slurm release micro version */
                    micro?: string;
                    /** @description Slurm release minor version */
                    minor?: string;
                };
                /** @description Slurm release string */
                release?: string;
                /** @description Slurm cluster name */
                cluster?: string;
            };
        };
        "v0.0.40_string_array": string[];
        "v0.0.40_openapi_errors": components["schemas"]["v0.0.40_openapi_error"][];
        "v0.0.40_openapi_error": {
            /** @description Long form error description */
            description?: string;
            /**
             * Format: int32
             * @description Slurm numeric error identifier
             */
            error_number?: number;
            /** @description Short form error description */
            error?: string;
            /** @description Source of error or where error was first detected */
            source?: string;
        };
        "v0.0.40_openapi_warnings": components["schemas"]["v0.0.40_openapi_warning"][];
        "v0.0.40_openapi_warning": {
            /** @description Long form warning description */
            description?: string;
            /** @description Source of warning or where warning was first detected */
            source?: string;
        };
        "v0.0.40_openapi_slurmdbd_config_resp": {
            /** @description Clusters */
            clusters?: components["schemas"]["v0.0.40_cluster_rec_list"];
            /** @description TRES */
            tres?: components["schemas"]["v0.0.40_tres_list"];
            /** @description Accounts */
            accounts?: components["schemas"]["v0.0.40_account_list"];
            /** @description Users */
            users?: components["schemas"]["v0.0.40_user_list"];
            /** @description QOS */
            qos?: components["schemas"]["v0.0.40_qos_list"];
            /** @description WCKeys */
            wckeys?: components["schemas"]["v0.0.40_wckey_list"];
            /** @description Associations */
            associations?: components["schemas"]["v0.0.40_assoc_list"];
            /** @description Instances */
            instances?: components["schemas"]["v0.0.40_instance_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_cluster_rec_list": components["schemas"]["v0.0.40_cluster_rec"][];
        "v0.0.40_cluster_rec": {
            controller?: {
                /** @description ControlHost */
                host?: string;
                /**
                 * Format: int32
                 * @description ControlPort
                 */
                port?: number;
            };
            /** @description Flags */
            flags?: ("REGISTERING" | "MULTIPLE_SLURMD" | "FRONT_END" | "FEDERATION" | "EXTERNAL")[];
            /** @description ClusterName */
            name?: string;
            /** @description Node names */
            nodes?: string;
            select_plugin?: string;
            associations?: {
                /** @description Root association information */
                root?: components["schemas"]["v0.0.40_assoc_short"];
            };
            /**
             * Format: int32
             * @description RPC version used in the cluster
             */
            rpc_version?: number;
            /** @description Trackable resources */
            tres?: components["schemas"]["v0.0.40_tres_list"];
        };
        "v0.0.40_account_list": components["schemas"]["v0.0.40_account"][];
        "v0.0.40_account": {
            /** @description Associations involving this account (only populated if requested) */
            associations?: components["schemas"]["v0.0.40_assoc_short_list"];
            /** @description List of users that are a coordinator of this account (only populated if requested) */
            coordinators?: components["schemas"]["v0.0.40_coord_list"];
            /** @description Arbitrary string describing the account */
            description: string;
            /** @description Account name */
            name: string;
            /** @description Organization to which the account belongs */
            organization: string;
            /** @description Flags associated with the account */
            flags?: "DELETED"[];
        };
        "v0.0.40_assoc_short_list": components["schemas"]["v0.0.40_assoc_short"][];
        "v0.0.40_coord_list": components["schemas"]["v0.0.40_coord"][];
        "v0.0.40_coord": {
            /** @description User name */
            name: string;
            /** @description Indicates whether the coordinator was directly assigned to this account */
            direct?: boolean;
        };
        "v0.0.40_user_list": components["schemas"]["v0.0.40_user"][];
        "v0.0.40_user": {
            /** @description AdminLevel granted to the user */
            administrator_level?: ("Not Set" | "None" | "Operator" | "Administrator")[];
            /** @description Associations created for this user */
            associations?: components["schemas"]["v0.0.40_assoc_short_list"];
            /** @description Accounts this user is a coordinator for */
            coordinators?: components["schemas"]["v0.0.40_coord_list"];
            default?: {
                /** @description Default Account */
                account?: string;
                /** @description Default WCKey */
                wckey?: string;
            };
            /** @description Flags associated with user */
            flags?: ("NONE" | "DELETED")[];
            /** @description User name */
            name: string;
            /** @description Previous user name */
            old_name?: string;
            /** @description List of available WCKeys */
            wckeys?: components["schemas"]["v0.0.40_wckey_list"];
        };
        "v0.0.40_wckey_list": components["schemas"]["v0.0.40_wckey"][];
        "v0.0.40_wckey": {
            /** @description Accounting records containing related resource usage */
            accounting?: components["schemas"]["v0.0.40_accounting_list"];
            /** @description Cluster name */
            cluster: string;
            /**
             * Format: int32
             * @description Unique ID for this user-cluster-wckey combination
             */
            id?: number;
            /** @description WCKey name */
            name: string;
            /** @description User name */
            user: string;
            /** @description Flags associated with the WCKey */
            flags?: "DELETED"[];
        };
        "v0.0.40_accounting_list": components["schemas"]["v0.0.40_accounting"][];
        "v0.0.40_accounting": {
            allocated?: {
                /**
                 * Format: int64
                 * @description Number of cpu seconds allocated
                 */
                seconds?: number;
            };
            /**
             * Format: int32
             * @description Association ID or Workload characterization key ID
             */
            id?: number;
            /**
             * Format: int64
             * @description When the record was started
             */
            start?: number;
            /** @description Trackable resources */
            TRES?: components["schemas"]["v0.0.40_tres"];
        };
        "v0.0.40_qos_list": components["schemas"]["v0.0.40_qos"][];
        "v0.0.40_qos": {
            /** @description Arbitrary description */
            description?: string;
            /** @description Flags, to avoid modifying current values specify NOT_SET. */
            flags?: ("NOT_SET" | "ADD" | "REMOVE" | "PARTITION_MINIMUM_NODE" | "PARTITION_MAXIMUM_NODE" | "PARTITION_TIME_LIMIT" | "ENFORCE_USAGE_THRESHOLD" | "NO_RESERVE" | "REQUIRED_RESERVATION" | "DENY_LIMIT" | "OVERRIDE_PARTITION_QOS" | "NO_DECAY" | "USAGE_FACTOR_SAFE" | "RELATIVE")[];
            /**
             * Format: int32
             * @description Unique ID
             */
            id?: number;
            limits?: {
                /**
                 * Format: int32
                 * @description GraceTime
                 */
                grace_time?: number;
                max?: {
                    active_jobs?: {
                        /** @description GrpJobsAccrue */
                        accruing?: components["schemas"]["v0.0.40_uint32_no_val"];
                        /** @description GrpJobs */
                        count?: components["schemas"]["v0.0.40_uint32_no_val"];
                    };
                    tres?: {
                        /** @description GrpTRES */
                        total?: components["schemas"]["v0.0.40_tres_list"];
                        minutes?: {
                            per?: {
                                /** @description GrpTRESRunMins */
                                qos?: components["schemas"]["v0.0.40_tres_list"];
                                /** @description MaxTRESMinsPerJob */
                                job?: components["schemas"]["v0.0.40_tres_list"];
                                /** @description MaxTRESRunMinsPerAccount */
                                account?: components["schemas"]["v0.0.40_tres_list"];
                                /** @description MaxTRESRunMinsPerUser */
                                user?: components["schemas"]["v0.0.40_tres_list"];
                            };
                        };
                        per?: {
                            /** @description MaxTRESPerAccount */
                            account?: components["schemas"]["v0.0.40_tres_list"];
                            /** @description MaxTRESPerJob */
                            job?: components["schemas"]["v0.0.40_tres_list"];
                            /** @description MaxTRESPerNode */
                            node?: components["schemas"]["v0.0.40_tres_list"];
                            /** @description MaxTRESPerUser */
                            user?: components["schemas"]["v0.0.40_tres_list"];
                        };
                    };
                    wall_clock?: {
                        per?: {
                            /** @description GrpWall */
                            qos?: components["schemas"]["v0.0.40_uint32_no_val"];
                            /** @description MaxWallDurationPerJob */
                            job?: components["schemas"]["v0.0.40_uint32_no_val"];
                        };
                    };
                    jobs?: {
                        active_jobs?: {
                            per?: {
                                /** @description MaxJobsPerAccount */
                                account?: components["schemas"]["v0.0.40_uint32_no_val"];
                                /** @description MaxJobsPerUser */
                                user?: components["schemas"]["v0.0.40_uint32_no_val"];
                            };
                        };
                        per?: {
                            /** @description MaxSubmitJobsPerAccount */
                            account?: components["schemas"]["v0.0.40_uint32_no_val"];
                            /** @description MaxSubmitJobsPerUser */
                            user?: components["schemas"]["v0.0.40_uint32_no_val"];
                        };
                    };
                    accruing?: {
                        per?: {
                            /** @description MaxJobsAccruePerAccount */
                            account?: components["schemas"]["v0.0.40_uint32_no_val"];
                            /** @description MaxJobsAccruePerUser */
                            user?: components["schemas"]["v0.0.40_uint32_no_val"];
                        };
                    };
                };
                /** @description LimitFactor */
                factor?: components["schemas"]["v0.0.40_float64_no_val"];
                min?: {
                    /** @description MinPrioThreshold */
                    priority_threshold?: components["schemas"]["v0.0.40_uint32_no_val"];
                    tres?: {
                        per?: {
                            /** @description MinTRES */
                            job?: components["schemas"]["v0.0.40_tres_list"];
                        };
                    };
                };
            };
            /** @description Name */
            name?: string;
            preempt?: {
                /** @description Other QOS's this QOS can preempt */
                list?: components["schemas"]["v0.0.40_qos_preempt_list"];
                /** @description PreemptMode */
                mode?: ("DISABLED" | "SUSPEND" | "REQUEUE" | "CANCEL" | "GANG")[];
                /** @description PreemptExemptTime */
                exempt_time?: components["schemas"]["v0.0.40_uint32_no_val"];
            };
            /** @description Priority */
            priority?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description UsageFactor */
            usage_factor?: components["schemas"]["v0.0.40_float64_no_val"];
            /** @description UsageThreshold */
            usage_threshold?: components["schemas"]["v0.0.40_float64_no_val"];
        };
        /** @description 64 bit floating point number with flags */
        "v0.0.40_float64_no_val": {
            /**
             * @description True if number has been set. False if number is unset
             * @default false
             */
            set?: boolean;
            /**
             * @description True if number has been set to infinite. "set" and "number" will be ignored.
             * @default 0
             */
            infinite?: boolean;
            /**
             * Format: double
             * @description If set is True the number will be set with value. Otherwise ignore number contents.
             */
            number?: number;
        };
        "v0.0.40_qos_preempt_list": string[];
        "v0.0.40_assoc_list": components["schemas"]["v0.0.40_assoc"][];
        "v0.0.40_assoc": {
            /** @description Accounting records containing related resource usage */
            accounting?: components["schemas"]["v0.0.40_accounting_list"];
            /** @description Account */
            account?: string;
            /** @description Cluster name */
            cluster?: string;
            /** @description Arbitrary comment */
            comment?: string;
            default?: {
                /** @description Default QOS */
                qos?: string;
            };
            /** @description Flags on the association */
            flags?: "DELETED"[];
            max?: {
                jobs?: {
                    per?: {
                        /** @description GrpJobs */
                        count?: components["schemas"]["v0.0.40_uint32_no_val"];
                        /** @description GrpJobsAccrue */
                        accruing?: components["schemas"]["v0.0.40_uint32_no_val"];
                        /** @description GrpSubmitJobs */
                        submitted?: components["schemas"]["v0.0.40_uint32_no_val"];
                        /** @description MaxWallDurationPerJob */
                        wall_clock?: components["schemas"]["v0.0.40_uint32_no_val"];
                    };
                    /** @description MaxJobs */
                    active?: components["schemas"]["v0.0.40_uint32_no_val"];
                    /** @description MaxJobsAccrue */
                    accruing?: components["schemas"]["v0.0.40_uint32_no_val"];
                    /** @description MaxSubmitJobs */
                    total?: components["schemas"]["v0.0.40_uint32_no_val"];
                };
                tres?: {
                    /** @description GrpTRES */
                    total?: components["schemas"]["v0.0.40_tres_list"];
                    group?: {
                        /** @description GrpTRESMins */
                        minutes?: components["schemas"]["v0.0.40_tres_list"];
                        /** @description GrpTRESRunMins */
                        active?: components["schemas"]["v0.0.40_tres_list"];
                    };
                    minutes?: {
                        /** @description MaxTRESMinsPerJob */
                        total?: components["schemas"]["v0.0.40_tres_list"];
                        per?: {
                            /** @description MaxTRESMinsPerJob */
                            job?: components["schemas"]["v0.0.40_tres_list"];
                        };
                    };
                    per?: {
                        /** @description MaxTRESPerJob */
                        job?: components["schemas"]["v0.0.40_tres_list"];
                        /** @description MaxTRESPerNode */
                        node?: components["schemas"]["v0.0.40_tres_list"];
                    };
                };
                per?: {
                    account?: {
                        /** @description GrpWall */
                        wall_clock?: components["schemas"]["v0.0.40_uint32_no_val"];
                    };
                };
            };
            /** @description Association ID */
            id?: components["schemas"]["v0.0.40_assoc_short"];
            /** @description Is default association for user */
            is_default?: boolean;
            /** @description Complete path up the hierarchy to the root association */
            lineage?: string;
            min?: {
                /** @description MinPrioThreshold */
                priority_threshold?: components["schemas"]["v0.0.40_uint32_no_val"];
            };
            /** @description Name of parent account */
            parent_account?: string;
            /** @description Partition name */
            partition?: string;
            /** @description Association priority factor */
            priority?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description List of QOS names */
            qos?: components["schemas"]["v0.0.40_qos_string_id_list"];
            /**
             * Format: int32
             * @description Allocated shares used for fairshare calculation
             */
            shares_raw?: number;
            /** @description User name */
            user: string;
        };
        /** @description List of QOS names */
        "v0.0.40_qos_string_id_list": string[];
        "v0.0.40_instance_list": components["schemas"]["v0.0.40_instance"][];
        "v0.0.40_instance": {
            /** @description Cluster name */
            cluster?: string;
            /** @description Arbitrary string used for node filtering if extra constraints are enabled */
            extra?: string;
            /** @description Cloud instance ID */
            instance_id?: string;
            /** @description Cloud instance type */
            instance_type?: string;
            /** @description NodeName */
            node_name?: string;
            time?: {
                /**
                 * Format: int64
                 * @description When the instance will end (UNIX timestamp)
                 */
                time_end?: number;
                /**
                 * Format: int64
                 * @description When the instance will start (UNIX timestamp)
                 */
                time_start?: number;
            };
        };
        "v0.0.40_openapi_resp": {
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_tres_resp": {
            /** @description TRES */
            TRES: components["schemas"]["v0.0.40_tres_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_slurmdbd_qos_resp": {
            /** @description List of QOS */
            qos: components["schemas"]["v0.0.40_qos_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_slurmdbd_qos_removed_resp": {
            /** @description removed QOS */
            removed_qos: components["schemas"]["v0.0.40_string_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_string_list": string[];
        "v0.0.40_openapi_assocs_resp": {
            /** @description associations */
            associations: components["schemas"]["v0.0.40_assoc_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_assocs_removed_resp": {
            /** @description removed_associations */
            removed_associations: components["schemas"]["v0.0.40_string_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_instances_resp": {
            /** @description instances */
            instances: components["schemas"]["v0.0.40_instance_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_users_resp": {
            /** @description users */
            users: components["schemas"]["v0.0.40_user_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_users_add_cond_resp_str": {
            /** @description added_users */
            added_users: string;
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_users_add_cond_resp": {
            /** @description Filters to select associations for users */
            association_condition: components["schemas"]["v0.0.40_users_add_cond"];
            /** @description Admin level of user, DefaultAccount, DefaultWCKey */
            user: components["schemas"]["v0.0.40_user_short"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_users_add_cond": {
            /** @description CSV accounts list */
            accounts?: components["schemas"]["v0.0.40_string_list"];
            /** @description Association limits and options */
            association?: components["schemas"]["v0.0.40_assoc_rec_set"];
            /** @description CSV clusters list */
            clusters?: components["schemas"]["v0.0.40_string_list"];
            /** @description CSV partitions list */
            partitions?: components["schemas"]["v0.0.40_string_list"];
            /** @description CSV users list */
            users: components["schemas"]["v0.0.40_string_list"];
            /** @description CSV WCKeys list */
            wckeys?: components["schemas"]["v0.0.40_string_list"];
        };
        "v0.0.40_assoc_rec_set": {
            /** @description Arbitrary comment */
            comment?: string;
            /** @description Default QOS */
            defaultqos?: string;
            /** @description Maximum number of running jobs in this association and its children */
            grpjobs?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of pending jobs able to accrue age priority in this association and its children */
            grpjobsaccrue?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of jobs which can be in a pending or running state at any time in this association and its children */
            grpsubmitjobs?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of TRES able to be allocated by running jobs in this association and its children */
            grptres?: components["schemas"]["v0.0.40_tres_list"];
            /** @description Total number of TRES minutes that can possibly be used by past, present and future jobs in this association and its children */
            grptresmins?: components["schemas"]["v0.0.40_tres_list"];
            /** @description Maximum number of TRES minutes able to be allocated by running jobs in this association and its children */
            grptresrunmins?: components["schemas"]["v0.0.40_tres_list"];
            /** @description Maximum wall clock time in minutes able to be allocated by running jobs in this association and its children */
            grpwall?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of running jobs per user in this association */
            maxjobs?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of pending jobs able to accrue age priority at any given time in this association */
            maxjobsaccrue?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of jobs which can be in a pending or running state at any time in this association */
            maxsubmitjobs?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of TRES minutes each job is able to use in this association */
            maxtresminsperjob?: components["schemas"]["v0.0.40_tres_list"];
            /** @description Maximum number of TRES minutes able to be allocated by running jobs in this association */
            maxtresrunmins?: components["schemas"]["v0.0.40_tres_list"];
            /** @description Maximum number of TRES each job is able to use in this association */
            maxtresperjob?: components["schemas"]["v0.0.40_tres_list"];
            /** @description Maximum number of TRES each node is able to use */
            maxtrespernode?: components["schemas"]["v0.0.40_tres_list"];
            /** @description Maximum wall clock time each job is able to use in this association */
            maxwalldurationperjob?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Minimum priority required to reserve resources when scheduling */
            minpriothresh?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Name of parent account */
            parent?: string;
            /** @description Association priority factor */
            priority?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description List of QOS names */
            qoslevel?: components["schemas"]["v0.0.40_qos_string_id_list"];
            /**
             * Format: int32
             * @description Allocated shares used for fairshare calculation
             */
            fairshare?: number;
        };
        "v0.0.40_user_short": {
            /** @description AdminLevel granted to the user */
            adminlevel?: ("Not Set" | "None" | "Operator" | "Administrator")[];
            /** @description Default account */
            defaultaccount?: string;
            /** @description Default WCKey */
            defaultwckey?: string;
        };
        "v0.0.40_openapi_clusters_removed_resp": {
            /** @description deleted_clusters */
            deleted_clusters: components["schemas"]["v0.0.40_string_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_clusters_resp": {
            /** @description clusters */
            clusters: components["schemas"]["v0.0.40_cluster_rec_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_wckey_removed_resp": {
            /** @description deleted wckeys */
            deleted_wckeys: components["schemas"]["v0.0.40_string_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_wckey_resp": {
            /** @description wckeys */
            wckeys: components["schemas"]["v0.0.40_wckey_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_accounts_removed_resp": {
            /** @description removed_accounts */
            removed_accounts: components["schemas"]["v0.0.40_string_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_accounts_resp": {
            /** @description accounts */
            accounts: components["schemas"]["v0.0.40_account_list"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_accounts_add_cond_resp_str": {
            /** @description added_accounts */
            added_accounts: string;
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_openapi_accounts_add_cond_resp": {
            /** @description CSV list of accounts, association limits and options, CSV list of clusters */
            association_condition?: components["schemas"]["v0.0.40_accounts_add_cond"];
            /** @description Account organization and description */
            account?: components["schemas"]["v0.0.40_account_short"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_accounts_add_cond": {
            /** @description CSV accounts list */
            accounts: components["schemas"]["v0.0.40_string_list"];
            /** @description Association limits and options */
            association?: components["schemas"]["v0.0.40_assoc_rec_set"];
            /** @description CSV clusters list */
            clusters?: components["schemas"]["v0.0.40_string_list"];
        };
        "v0.0.40_account_short": {
            /** @description Arbitrary string describing the account */
            description?: string;
            /** @description Organization to which the account belongs */
            organization?: string;
        };
        "v0.0.40_openapi_slurmdbd_stats_resp": {
            /** @description statistics */
            statistics: components["schemas"]["v0.0.40_stats_rec"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_stats_rec": {
            /**
             * Format: int64
             * @description When data collection started (UNIX timestamp)
             */
            time_start?: number;
            /** @description Rollup statistics */
            rollups?: components["schemas"]["v0.0.40_rollup_stats"];
            /** @description List of RPCs sent to the slurmdbd */
            RPCs?: components["schemas"]["v0.0.40_stats_rpc_list"];
            /** @description List of users that issued RPCs */
            users?: components["schemas"]["v0.0.40_stats_user_list"];
        };
        /** @description list of recorded rollup statistics */
        "v0.0.40_rollup_stats": {
            /**
             * @description type
             * @enum {string}
             */
            type?: "internal" | "user" | "unknown";
            /**
             * Format: int32
             * @description Last time rollup ran (UNIX timestamp)
             */
            "last run"?: number;
            /**
             * Format: int64
             * @description longest rollup time (seconds)
             */
            max_cycle?: number;
            /**
             * Format: int64
             * @description total time spent doing rollups (seconds)
             */
            total_time?: number;
            /**
             * Format: int64
             * @description number of rollups since last_run
             */
            total_cycles?: number;
            /**
             * Format: int64
             * @description average time for rollup (seconds)
             */
            mean_cycles?: number;
        }[];
        "v0.0.40_stats_rpc_list": components["schemas"]["v0.0.40_stats_rpc"][];
        "v0.0.40_stats_rpc": {
            /** @description RPC type */
            rpc?: string;
            /**
             * Format: int32
             * @description Number of RPCs processed
             */
            count?: number;
            time?: {
                /**
                 * Format: int64
                 * @description Average RPC processing time in microseconds
                 */
                average?: number;
                /**
                 * Format: int64
                 * @description Total RPC processing time in microseconds
                 */
                total?: number;
            };
        };
        "v0.0.40_stats_user_list": components["schemas"]["v0.0.40_stats_user"][];
        "v0.0.40_stats_user": {
            /** @description User ID */
            user?: string;
            /**
             * Format: int32
             * @description Number of RPCs processed
             */
            count?: number;
            time?: {
                /**
                 * Format: int64
                 * @description Average RPC processing time in microseconds
                 */
                average?: number;
                /**
                 * Format: int64
                 * @description Total RPC processing time in microseconds
                 */
                total?: number;
            };
        };
        "v0.0.40_openapi_shares_resp": {
            /** @description fairshare info */
            shares: components["schemas"]["v0.0.40_shares_resp_msg"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_shares_resp_msg": {
            /** @description Association shares */
            shares?: components["schemas"]["v0.0.40_assoc_shares_obj_list"];
            /**
             * Format: int64
             * @description Total number of shares
             */
            total_shares?: number;
        };
        "v0.0.40_assoc_shares_obj_list": components["schemas"]["v0.0.40_assoc_shares_obj_wrap"][];
        "v0.0.40_assoc_shares_obj_wrap": {
            /**
             * Format: int32
             * @description Association ID
             */
            id?: number;
            /** @description Cluster name */
            cluster?: string;
            /** @description Share name */
            name?: string;
            /** @description Parent name */
            parent?: string;
            /** @description Partition name */
            partition?: string;
            /** @description Normalized shares */
            shares_normalized?: components["schemas"]["v0.0.40_float64_no_val"];
            /** @description Number of shares allocated */
            shares?: components["schemas"]["v0.0.40_uint32_no_val"];
            tres?: {
                /** @description Currently running tres-secs = grp_used_tres_run_secs */
                run_seconds?: components["schemas"]["v0.0.40_shares_uint64_tres_list"];
                /** @description TRES-minute limit */
                group_minutes?: components["schemas"]["v0.0.40_shares_uint64_tres_list"];
                /** @description Measure of each TRES usage */
                usage?: components["schemas"]["v0.0.40_shares_float128_tres_list"];
            };
            /**
             * Format: double
             * @description Effective, normalized usage
             */
            effective_usage?: number;
            /** @description Normalized usage */
            usage_normalized?: components["schemas"]["v0.0.40_float64_no_val"];
            /**
             * Format: int64
             * @description Measure of tresbillableunits usage
             */
            usage?: number;
            fairshare?: {
                /**
                 * Format: double
                 * @description Fairshare factor
                 */
                factor?: number;
                /**
                 * Format: double
                 * @description Fairshare factor at this level; stored on an assoc as a long double, but that is not needed for display in sshare
                 */
                level?: number;
            };
            /** @description User or account association */
            type?: ("USER" | "ASSOCIATION")[];
        };
        "v0.0.40_shares_uint64_tres_list": components["schemas"]["v0.0.40_shares_uint64_tres"][];
        "v0.0.40_shares_uint64_tres": {
            /** @description TRES name */
            name?: string;
            /** @description TRES value */
            value?: components["schemas"]["v0.0.40_uint64_no_val"];
        };
        "v0.0.40_shares_float128_tres_list": components["schemas"]["v0.0.40_shares_float128_tres"][];
        "v0.0.40_shares_float128_tres": {
            /** @description TRES name */
            name?: string;
            /** @description TRES value */
            value?: number;
        };
        "v0.0.40_openapi_diag_resp": {
            /** @description statistics */
            statistics: components["schemas"]["v0.0.40_stats_msg"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_stats_msg": {
            /**
             * Format: int32
             * @description Zero if only RPC statistic included
             */
            parts_packed?: number;
            /** @description When the request was made (UNIX timestamp) */
            req_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description When the data in the report started (UNIX timestamp) */
            req_time_start?: components["schemas"]["v0.0.40_uint64_no_val"];
            /**
             * Format: int32
             * @description Number of current active slurmctld threads
             */
            server_thread_count?: number;
            /**
             * Format: int32
             * @description Number of enqueued outgoing RPC requests in an internal retry list
             */
            agent_queue_size?: number;
            /**
             * Format: int32
             * @description Number of agent threads
             */
            agent_count?: number;
            /**
             * Format: int32
             * @description Total number of active threads created by all agent threads
             */
            agent_thread_count?: number;
            /**
             * Format: int32
             * @description Number of messages for SlurmDBD that are queued
             */
            dbd_agent_queue_size?: number;
            /**
             * Format: int32
             * @description Latency of 1000 calls to the gettimeofday() syscall in microseconds, as measured at controller startup
             */
            gettimeofday_latency?: number;
            /**
             * Format: int32
             * @description Max time of any scheduling cycle in microseconds since last reset
             */
            schedule_cycle_max?: number;
            /**
             * Format: int32
             * @description Time in microseconds for last scheduling cycle
             */
            schedule_cycle_last?: number;
            /**
             * Format: int32
             * @description Number of scheduling cycles since last reset
             */
            schedule_cycle_total?: number;
            /**
             * Format: int64
             * @description Mean time in microseconds for all scheduling cycles since last reset
             */
            schedule_cycle_mean?: number;
            /**
             * Format: int64
             * @description Mean of the number of jobs processed in a scheduling cycle
             */
            schedule_cycle_mean_depth?: number;
            /**
             * Format: int64
             * @description Number of scheduling executions per minute
             */
            schedule_cycle_per_minute?: number;
            /**
             * Format: int32
             * @description Number of jobs pending in queue
             */
            schedule_queue_length?: number;
            /** @description Reasons for which the scheduling cycle exited since last reset */
            schedule_exit?: components["schemas"]["v0.0.40_schedule_exit_fields"];
            /**
             * Format: int32
             * @description Number of jobs submitted since last reset
             */
            jobs_submitted?: number;
            /**
             * Format: int32
             * @description Number of jobs started since last reset
             */
            jobs_started?: number;
            /**
             * Format: int32
             * @description Number of jobs completed since last reset
             */
            jobs_completed?: number;
            /**
             * Format: int32
             * @description Number of jobs canceled since the last reset
             */
            jobs_canceled?: number;
            /**
             * Format: int32
             * @description Number of jobs failed due to slurmd or other internal issues since last reset
             */
            jobs_failed?: number;
            /**
             * Format: int32
             * @description Number of jobs pending at the time of listed in job_state_ts
             */
            jobs_pending?: number;
            /**
             * Format: int32
             * @description Number of jobs running at the time of listed in job_state_ts
             */
            jobs_running?: number;
            /** @description When the job state counts were gathered (UNIX timestamp) */
            job_states_ts?: components["schemas"]["v0.0.40_uint64_no_val"];
            /**
             * Format: int32
             * @description Number of jobs started through backfilling since last slurm start
             */
            bf_backfilled_jobs?: number;
            /**
             * Format: int32
             * @description Number of jobs started through backfilling since last reset
             */
            bf_last_backfilled_jobs?: number;
            /**
             * Format: int32
             * @description Number of heterogeneous job components started through backfilling since last Slurm start
             */
            bf_backfilled_het_jobs?: number;
            /**
             * Format: int32
             * @description Number of backfill scheduling cycles since last reset
             */
            bf_cycle_counter?: number;
            /**
             * Format: int64
             * @description Mean time in microseconds of backfilling scheduling cycles since last reset
             */
            bf_cycle_mean?: number;
            /**
             * Format: int64
             * @description Mean number of eligible to run jobs processed during all backfilling scheduling cycles since last reset
             */
            bf_depth_mean?: number;
            /**
             * Format: int64
             * @description The subset of Depth Mean that the backfill scheduler attempted to schedule
             */
            bf_depth_mean_try?: number;
            /**
             * Format: int64
             * @description Total time in microseconds of backfilling scheduling cycles since last reset
             */
            bf_cycle_sum?: number;
            /**
             * Format: int32
             * @description Execution time in microseconds of last backfill scheduling cycle
             */
            bf_cycle_last?: number;
            /**
             * Format: int32
             * @description Number of processed jobs during last backfilling scheduling cycle
             */
            bf_last_depth?: number;
            /**
             * Format: int32
             * @description Number of processed jobs during last backfilling scheduling cycle that had a chance to start using available resources
             */
            bf_last_depth_try?: number;
            /**
             * Format: int32
             * @description Total number of jobs processed during all backfilling scheduling cycles since last reset
             */
            bf_depth_sum?: number;
            /**
             * Format: int32
             * @description Subset of bf_depth_sum that the backfill scheduler attempted to schedule
             */
            bf_depth_try_sum?: number;
            /**
             * Format: int32
             * @description Number of jobs pending to be processed by backfilling algorithm
             */
            bf_queue_len?: number;
            /**
             * Format: int64
             * @description Mean number of jobs pending to be processed by backfilling algorithm
             */
            bf_queue_len_mean?: number;
            /**
             * Format: int32
             * @description Total number of jobs pending to be processed by backfilling algorithm since last reset
             */
            bf_queue_len_sum?: number;
            /**
             * Format: int32
             * @description Number of different time slots tested by the backfill scheduler in its last iteration
             */
            bf_table_size?: number;
            /**
             * Format: int64
             * @description Mean number of different time slots tested by the backfill scheduler
             */
            bf_table_size_mean?: number;
            /** @description When the last backfill scheduling cycle happened (UNIX timestamp) */
            bf_when_last_cycle?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Backfill scheduler currently running */
            bf_active?: boolean;
            /** @description Reasons for which the backfill scheduling cycle exited since last reset */
            bf_exit?: components["schemas"]["v0.0.40_bf_exit_fields"];
            /** @description Most frequently issued remote procedure calls (RPCs) */
            rpcs_by_message_type?: components["schemas"]["v0.0.40_stats_msg_rpcs_by_type"];
            /** @description RPCs issued by user ID */
            rpcs_by_user?: components["schemas"]["v0.0.40_stats_msg_rpcs_by_user"];
        };
        "v0.0.40_schedule_exit_fields": {
            /**
             * Format: int32
             * @description Reached end of queue
             */
            end_job_queue?: number;
            /**
             * Format: int32
             * @description Reached number of jobs allowed to be tested
             */
            default_queue_depth?: number;
            /**
             * Format: int32
             * @description Reached number of jobs allowed to start
             */
            max_job_start?: number;
            /**
             * Format: int32
             * @description Reached RPC limit
             */
            max_rpc_cnt?: number;
            /**
             * Format: int32
             * @description Reached maximum allowed scheduler time
             */
            max_sched_time?: number;
            /**
             * Format: int32
             * @description Blocked on licenses
             */
            licenses?: number;
        };
        "v0.0.40_bf_exit_fields": {
            /**
             * Format: int32
             * @description Reached end of queue
             */
            end_job_queue?: number;
            /**
             * Format: int32
             * @description Reached number of jobs allowed to start
             */
            bf_max_job_start?: number;
            /**
             * Format: int32
             * @description Reached number of jobs allowed to be tested
             */
            bf_max_job_test?: number;
            /**
             * Format: int32
             * @description Reached maximum allowed scheduler time
             */
            bf_max_time?: number;
            /**
             * Format: int32
             * @description Reached table size limit
             */
            bf_node_space_size?: number;
            /**
             * Format: int32
             * @description System state changed
             */
            state_changed?: number;
        };
        /** @description RPCs by message type */
        "v0.0.40_stats_msg_rpcs_by_type": {
            /** @description Message type as string */
            message_type?: string;
            /**
             * Format: int32
             * @description Message type as integer
             */
            type_id?: number;
            /**
             * Format: int64
             * @description Number of RPCs received
             */
            count?: number;
            /**
             * Format: int64
             * @description Average time spent processing RPC in seconds
             */
            average_time?: number;
            /**
             * Format: int64
             * @description Total time spent processing RPC in seconds
             */
            total_time?: number;
        }[];
        /** @description RPCs by user */
        "v0.0.40_stats_msg_rpcs_by_user": {
            /** @description user name */
            user?: string;
            /**
             * Format: int32
             * @description user id (numeric)
             */
            user_id?: number;
            /**
             * Format: int64
             * @description Number of RPCs received
             */
            count?: number;
            /**
             * Format: int64
             * @description Average time spent processing RPC in seconds
             */
            average_time?: number;
            /**
             * Format: int64
             * @description Total time spent processing RPC in seconds
             */
            total_time?: number;
        }[];
        "v0.0.40_openapi_ping_array_resp": {
            /** @description pings */
            pings: components["schemas"]["v0.0.40_controller_ping_array"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_controller_ping_array": components["schemas"]["v0.0.40_controller_ping"][];
        "v0.0.40_controller_ping": {
            /** @description Target for ping */
            hostname?: string;
            /** @description Ping result */
            pinged?: string;
            /**
             * Format: int64
             * @description Number of microseconds it took to successfully ping or timeout
             */
            latency?: number;
            /** @description The operating mode of the responding slurmctld */
            mode?: string;
        };
        "v0.0.40_openapi_licenses_resp": {
            /** @description List of licenses */
            licenses: components["schemas"]["v0.0.40_licenses"];
            /** @description Time of last licenses change (UNIX timestamp) */
            last_update: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_licenses": components["schemas"]["v0.0.40_license"][];
        "v0.0.40_license": {
            /** @description Name of the license */
            LicenseName?: string;
            /**
             * Format: int32
             * @description Total number of licenses present
             */
            Total?: number;
            /**
             * Format: int32
             * @description Number of licenses in use
             */
            Used?: number;
            /**
             * Format: int32
             * @description Number of licenses currently available
             */
            Free?: number;
            /** @description Indicates whether licenses are served by the database */
            Remote?: boolean;
            /**
             * Format: int32
             * @description Number of licenses reserved
             */
            Reserved?: number;
            /**
             * Format: int32
             * @description Last known number of licenses that were consumed in the license manager (Remote Only)
             */
            LastConsumed?: number;
            /**
             * Format: int32
             * @description Number of "missing licenses" from the cluster's perspective
             */
            LastDeficit?: number;
            /**
             * Format: int64
             * @description When the license information was last updated (UNIX Timestamp)
             */
            LastUpdate?: number;
        };
        "v0.0.40_openapi_job_submit_response": {
            /** @description Job submission */
            result?: components["schemas"]["v0.0.40_job_submit_response_msg"];
            /**
             * Format: int32
             * @description Submitted Job ID
             */
            job_id?: number;
            /** @description Submitted Step ID */
            step_id?: string;
            /** @description job submision user message */
            job_submit_user_msg?: string;
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_job_submit_response_msg": {
            /**
             * Format: int32
             * @description New job ID
             */
            job_id?: number;
            /** @description New job step ID */
            step_id?: string;
            /**
             * Format: int32
             * @description Error code
             */
            error_code?: number;
            /** @description Error message */
            error?: string;
            /** @description Message to user from job_submit plugin */
            job_submit_user_msg?: string;
        };
        "v0.0.40_job_submit_req": {
            /** @description Batch job script; must be specified in first component of jobs or in job if this field is not populated */
            script?: string;
            /** @description HetJob description */
            jobs?: components["schemas"]["v0.0.40_job_desc_msg_list"];
            /** @description Job description */
            job?: components["schemas"]["v0.0.40_job_desc_msg"];
        };
        "v0.0.40_job_desc_msg_list": components["schemas"]["v0.0.40_job_desc_msg"][];
        "v0.0.40_job_desc_msg": {
            /** @description Account associated with the job */
            account?: string;
            /** @description Job accounting and profiling sampling intervals in seconds */
            account_gather_frequency?: string;
            /** @description Arbitrary comment made by administrator */
            admin_comment?: string;
            /** @description Local node making the resource allocation */
            allocation_node_list?: string;
            /**
             * Format: int32
             * @description Port to send allocation confirmation to
             */
            allocation_node_port?: number;
            /** @description Arguments to the script */
            argv?: components["schemas"]["v0.0.40_string_array"];
            /** @description Job array index value specification */
            array?: string;
            /** @description Features required for batch script's node */
            batch_features?: string;
            /** @description Defer the allocation of the job until the specified time (UNIX timestamp) */
            begin_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Job flags */
            flags?: ("KILL_INVALID_DEPENDENCY" | "NO_KILL_INVALID_DEPENDENCY" | "HAS_STATE_DIRECTORY" | "TESTING_BACKFILL" | "GRES_BINDING_ENFORCED" | "TEST_NOW_ONLY" | "SEND_JOB_ENVIRONMENT" | "SPREAD_JOB" | "PREFER_MINIMUM_NODE_COUNT" | "JOB_KILL_HURRY" | "SKIP_TRES_STRING_ACCOUNTING" | "SIBLING_CLUSTER_UPDATE_ONLY" | "HETEROGENEOUS_JOB" | "EXACT_TASK_COUNT_REQUESTED" | "EXACT_CPU_COUNT_REQUESTED" | "TESTING_WHOLE_NODE_BACKFILL" | "TOP_PRIORITY_JOB" | "ACCRUE_COUNT_CLEARED" | "GRES_BINDING_DISABLED" | "JOB_WAS_RUNNING" | "JOB_ACCRUE_TIME_RESET" | "CRON_JOB" | "EXACT_MEMORY_REQUESTED" | "USING_DEFAULT_ACCOUNT" | "USING_DEFAULT_PARTITION" | "USING_DEFAULT_QOS" | "USING_DEFAULT_WCKEY" | "DEPENDENT" | "MAGNETIC" | "PARTITION_ASSIGNED" | "BACKFILL_ATTEMPTED" | "SCHEDULING_ATTEMPTED" | "SAVE_BATCH_SCRIPT" | "GRES_ONE_TASK_PER_SHARING" | "GRES_MULTIPLE_TASKS_PER_SHARING" | "GRES_ALLOW_TASK_SHARING")[];
            /** @description Burst buffer specifications */
            burst_buffer?: string;
            /** @description Clusters that a federated job can run on */
            clusters?: string;
            /** @description Required features that a federated cluster must have to have a sibling job submitted to it */
            cluster_constraint?: string;
            /** @description Arbitrary comment made by user */
            comment?: string;
            /** @description True if job requires contiguous nodes */
            contiguous?: boolean;
            /** @description Absolute path to OCI container bundle */
            container?: string;
            /** @description OCI container ID */
            container_id?: string;
            /**
             * Format: int32
             * @description Cores per socket required
             */
            cores_per_socket?: number;
            /**
             * Format: int32
             * @description Specialized core count
             */
            core_specification?: number;
            /**
             * Format: int32
             * @description Specialized thread count
             */
            thread_specification?: number;
            /** @description Method for binding tasks to allocated CPUs */
            cpu_binding?: string;
            /** @description Flags for CPU binding */
            cpu_binding_flags?: ("CPU_BIND_TO_THREADS" | "CPU_BIND_TO_CORES" | "CPU_BIND_TO_SOCKETS" | "CPU_BIND_TO_LDOMS" | "CPU_BIND_NONE" | "CPU_BIND_RANK" | "CPU_BIND_MAP" | "CPU_BIND_MASK" | "CPU_BIND_LDRANK" | "CPU_BIND_LDMAP" | "CPU_BIND_LDMASK" | "VERBOSE" | "CPU_BIND_ONE_THREAD_PER_CORE")[];
            /** @description Requested CPU frequency range <p1>[-p2][:p3] */
            cpu_frequency?: string;
            /** @description Semicolon delimited list of TRES=# values values indicating how many CPUs should be allocated for each specified TRES (currently only used for gres/gpu) */
            cpus_per_tres?: string;
            /** @description crontab entry */
            crontab?: components["schemas"]["v0.0.40_cron_entry"];
            /**
             * Format: int64
             * @description Latest time that the job may start (UNIX timestamp)
             */
            deadline?: number;
            /**
             * Format: int32
             * @description Number of seconds after job eligible start that nodes will be rebooted to satisfy feature specification
             */
            delay_boot?: number;
            /** @description Other jobs that must meet certain criteria before this job can start */
            dependency?: string;
            /**
             * Format: int64
             * @description Expected end time (UNIX timestamp)
             */
            end_time?: number;
            /** @description Environment variables to be set for the job */
            environment?: components["schemas"]["v0.0.40_string_array"];
            rlimits?: {
                /** @description Per-process CPU limit, in seconds. */
                cpu?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Largest file that can be created, in bytes. */
                fsize?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Maximum size of data segment, in bytes. */
                data?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Maximum size of stack segment, in bytes. */
                stack?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Largest core file that can be created, in bytes. */
                core?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Largest resident set size, in bytes. This affects swapping; processes that are exceeding their resident set size will be more likely to have physical memory taken from them. */
                rss?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Number of processes. */
                nproc?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Number of open files. */
                nofile?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Locked-in-memory address space */
                memlock?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description Address space limit. */
                as?: components["schemas"]["v0.0.40_uint64_no_val"];
            };
            /** @description Comma separated list of nodes that may not be used */
            excluded_nodes?: components["schemas"]["v0.0.40_csv_string"];
            /** @description Arbitrary string used for node filtering if extra constraints are enabled */
            extra?: string;
            /** @description Comma separated list of features that are required */
            constraints?: string;
            /** @description Group ID of the user that owns the job */
            group_id?: string;
            /**
             * Format: int32
             * @description Unique sequence number applied to this component of the heterogeneous job
             */
            hetjob_group?: number;
            /** @description If true, exit if resources are not available within the time period specified */
            immediate?: boolean;
            /**
             * Format: int32
             * @description Job ID
             */
            job_id?: number;
            /** @description If true, kill job on node failure */
            kill_on_node_fail?: boolean;
            /** @description License(s) required by the job */
            licenses?: string;
            /** @description Mail event type(s) */
            mail_type?: ("BEGIN" | "END" | "FAIL" | "REQUEUE" | "TIME=100%" | "TIME=90%" | "TIME=80%" | "TIME=50%" | "STAGE_OUT" | "ARRAY_TASKS" | "INVALID_DEPENDENCY")[];
            /** @description User to receive email notifications */
            mail_user?: string;
            /** @description Multi-Category Security label on the job */
            mcs_label?: string;
            /** @description Binding map for map/mask_cpu */
            memory_binding?: string;
            /** @description Method for binding tasks to memory */
            memory_binding_type?: ("NONE" | "RANK" | "MAP" | "MASK" | "LOCAL" | "VERBOSE" | "SORT" | "PREFER")[];
            /** @description Semicolon delimited list of TRES=# values indicating how much memory in megabytes should be allocated for each specified TRES (currently only used for gres/gpu) */
            memory_per_tres?: string;
            /** @description Job name */
            name?: string;
            /** @description Network specs for job step */
            network?: string;
            /**
             * Format: int32
             * @description Requested job priority change
             */
            nice?: number;
            /**
             * Format: int32
             * @description Number of tasks
             */
            tasks?: number;
            /** @description Open mode used for stdout and stderr files */
            open_mode?: ("APPEND" | "TRUNCATE")[];
            /**
             * Format: int32
             * @description Port to send various notification msg to
             */
            reserve_ports?: number;
            /** @description Overcommit resources */
            overcommit?: boolean;
            /** @description Partition assigned to the job */
            partition?: string;
            /**
             * Format: int32
             * @description Plane size specification when distribution specifies plane
             */
            distribution_plane_size?: number;
            power_flags?: components["schemas"]["v0.0.40_power_flags"];
            /** @description Comma separated list of features that are preferred but not required */
            prefer?: string;
            /** @description Job held */
            hold?: boolean;
            /** @description Request specific job priority */
            priority?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Profile used by the acct_gather_profile plugin */
            profile?: ("NOT_SET" | "NONE" | "ENERGY" | "LUSTRE" | "NETWORK" | "TASK")[];
            /** @description Quality of Service assigned to the job */
            qos?: string;
            /** @description Node reboot requested before start */
            reboot?: boolean;
            /** @description Comma separated list of required nodes */
            required_nodes?: components["schemas"]["v0.0.40_csv_string"];
            /** @description Determines whether the job may be requeued */
            requeue?: boolean;
            /** @description Name of reservation to use */
            reservation?: string;
            /** @description Job batch script; only the first component in a HetJob is populated or honored */
            script?: string;
            /** @description How the job can share resources with other jobs, if at all */
            shared?: ("none" | "oversubscribe" | "user" | "mcs")[];
            exclusive?: ("true" | "false" | "user" | "mcs")[];
            oversubscribe?: boolean;
            /**
             * Format: int32
             * @description Site-specific priority factor
             */
            site_factor?: number;
            /** @description Environment variables for job prolog/epilog scripts as set by SPANK plugins */
            spank_environment?: components["schemas"]["v0.0.40_string_array"];
            /** @description Layout */
            distribution?: string;
            /** @description Maximum run time in minutes */
            time_limit?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Minimum run time in minutes */
            time_minimum?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Task to TRES binding directives */
            tres_bind?: string;
            /** @description TRES frequency directives */
            tres_freq?: string;
            /** @description Comma separated list of TRES=# values to be allocated for every job */
            tres_per_job?: string;
            /** @description Comma separated list of TRES=# values to be allocated for every node */
            tres_per_node?: string;
            /** @description Comma separated list of TRES=# values to be allocated for every socket */
            tres_per_socket?: string;
            /** @description Comma separated list of TRES=# values to be allocated for every task */
            tres_per_task?: string;
            /** @description User ID that owns the job */
            user_id?: string;
            /** @description If true, wait to start until after all nodes have booted */
            wait_all_nodes?: boolean;
            /** @description Flags related to job signals */
            kill_warning_flags?: ("BATCH_JOB" | "ARRAY_TASK" | "FULL_STEPS_ONLY" | "FULL_JOB" | "FEDERATION_REQUEUE" | "HURRY" | "OUT_OF_MEMORY" | "NO_SIBLING_JOBS" | "RESERVATION_JOB" | "NO_CRON_JOBS" | "VERBOSE" | "CRON_JOBS" | "WARNING_SENT")[];
            /** @description Signal to send when approaching end time (e.g. "10" or "USR1") */
            kill_warning_signal?: string;
            /** @description Number of seconds before end time to send the warning signal */
            kill_warning_delay?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Working directory to use for the job */
            current_working_directory?: string;
            /**
             * Format: int32
             * @description Number of CPUs required by each task
             */
            cpus_per_task?: number;
            /**
             * Format: int32
             * @description Minimum number of CPUs required
             */
            minimum_cpus?: number;
            /**
             * Format: int32
             * @description Maximum number of CPUs required
             */
            maximum_cpus?: number;
            /** @description Node count range specification (e.g. 1-15:4) */
            nodes?: string;
            /**
             * Format: int32
             * @description Minimum node count
             */
            minimum_nodes?: number;
            /**
             * Format: int32
             * @description Maximum node count
             */
            maximum_nodes?: number;
            /**
             * Format: int32
             * @description Boards per node required
             */
            minimum_boards_per_node?: number;
            /**
             * Format: int32
             * @description Sockets per board required
             */
            minimum_sockets_per_board?: number;
            /**
             * Format: int32
             * @description Sockets per node required
             */
            sockets_per_node?: number;
            /**
             * Format: int32
             * @description Threads per core required
             */
            threads_per_core?: number;
            /**
             * Format: int32
             * @description Number of tasks to invoke on each node
             */
            tasks_per_node?: number;
            /**
             * Format: int32
             * @description Number of tasks to invoke on each socket
             */
            tasks_per_socket?: number;
            /**
             * Format: int32
             * @description Number of tasks to invoke on each core
             */
            tasks_per_core?: number;
            /**
             * Format: int32
             * @description Number of tasks to invoke on each board
             */
            tasks_per_board?: number;
            /**
             * Format: int32
             * @description Number of tasks that can access each GPU
             */
            ntasks_per_tres?: number;
            /**
             * Format: int32
             * @description Minimum number of CPUs per node
             */
            minimum_cpus_per_node?: number;
            /** @description Minimum memory in megabytes per allocated CPU */
            memory_per_cpu?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Minimum memory in megabytes per allocated node */
            memory_per_node?: components["schemas"]["v0.0.40_uint64_no_val"];
            /**
             * Format: int32
             * @description Minimum tmp disk space required per node
             */
            temporary_disk_per_node?: number;
            /** @description SELinux context */
            selinux_context?: string;
            /** @description Maximum number of switches */
            required_switches?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Path to stderr file */
            standard_error?: string;
            /** @description Path to stdin file */
            standard_input?: string;
            /** @description Path to stdout file */
            standard_output?: string;
            /**
             * Format: int32
             * @description Maximum time to wait for switches in seconds
             */
            wait_for_switch?: number;
            /** @description Workload characterization key */
            wckey?: string;
            /** @description X11 forwarding options */
            x11?: ("FORWARD_ALL_NODES" | "BATCH_NODE" | "FIRST_NODE" | "LAST_NODE")[];
            /** @description Magic cookie for X11 forwarding */
            x11_magic_cookie?: string;
            /** @description Hostname or UNIX socket if x11_target_port=0 */
            x11_target_host?: string;
            /**
             * Format: int32
             * @description TCP port
             */
            x11_target_port?: number;
        };
        "v0.0.40_cron_entry": {
            /** @description Flags */
            flags?: ("WILD_MINUTE" | "WILD_HOUR" | "WILD_DAY_OF_MONTH" | "WILD_MONTH" | "WILD_DAY_OF_WEEK")[];
            /** @description Ranged string specifying eligible minute values (e.g. 0-10,50) */
            minute?: string;
            /** @description Ranged string specifying eligible hour values (e.g. 0-5,23) */
            hour?: string;
            /** @description Ranged string specifying eligible day of month values (e.g. 0-10,29) */
            day_of_month?: string;
            /** @description Ranged string specifying eligible month values (e.g. 0-5,12) */
            month?: string;
            /** @description Ranged string specifying eligible day of week values (e.g.0-3,7) */
            day_of_week?: string;
            /** @description Time specification (* means valid for all allowed values) - minute hour day_of_month month day_of_week */
            specification?: string;
            /** @description Command to run */
            command?: string;
            line?: {
                /**
                 * Format: int32
                 * @description Start of this entry in file
                 */
                start?: number;
                /**
                 * Format: int32
                 * @description End of this entry in file
                 */
                end?: number;
            };
        };
        "v0.0.40_csv_string": string[];
        /**
         * @deprecated
         * @description removed field
         */
        "v0.0.40_power_flags": unknown[];
        "v0.0.40_openapi_job_info_resp": {
            /** @description List of jobs */
            jobs: components["schemas"]["v0.0.40_job_info_msg"];
            /** @description Time of last backfill scheduler run (UNIX timestamp) */
            last_backfill: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Time of last job change (UNIX timestamp) */
            last_update: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_job_info_msg": components["schemas"]["v0.0.40_job_info"][];
        "v0.0.40_job_info": {
            /** @description Account associated with the job */
            account?: string;
            /** @description When the job started accruing age priority (UNIX timestamp) */
            accrue_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Arbitrary comment made by administrator */
            admin_comment?: string;
            /** @description Local node making the resource allocation */
            allocating_node?: string;
            /** @description Job ID of job array, or 0 if N/A */
            array_job_id?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Task ID of this task in job array */
            array_task_id?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of simultaneously running tasks, 0 if no limit */
            array_max_tasks?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description String expression of task IDs in this record */
            array_task_string?: string;
            /**
             * Format: int32
             * @description Unique identifier for the association
             */
            association_id?: number;
            /** @description Features required for batch script's node */
            batch_features?: string;
            /** @description True if batch job */
            batch_flag?: boolean;
            /** @description Name of host running batch script */
            batch_host?: string;
            /** @description Job flags */
            flags?: ("KILL_INVALID_DEPENDENCY" | "NO_KILL_INVALID_DEPENDENCY" | "HAS_STATE_DIRECTORY" | "TESTING_BACKFILL" | "GRES_BINDING_ENFORCED" | "TEST_NOW_ONLY" | "SEND_JOB_ENVIRONMENT" | "SPREAD_JOB" | "PREFER_MINIMUM_NODE_COUNT" | "JOB_KILL_HURRY" | "SKIP_TRES_STRING_ACCOUNTING" | "SIBLING_CLUSTER_UPDATE_ONLY" | "HETEROGENEOUS_JOB" | "EXACT_TASK_COUNT_REQUESTED" | "EXACT_CPU_COUNT_REQUESTED" | "TESTING_WHOLE_NODE_BACKFILL" | "TOP_PRIORITY_JOB" | "ACCRUE_COUNT_CLEARED" | "GRES_BINDING_DISABLED" | "JOB_WAS_RUNNING" | "JOB_ACCRUE_TIME_RESET" | "CRON_JOB" | "EXACT_MEMORY_REQUESTED" | "USING_DEFAULT_ACCOUNT" | "USING_DEFAULT_PARTITION" | "USING_DEFAULT_QOS" | "USING_DEFAULT_WCKEY" | "DEPENDENT" | "MAGNETIC" | "PARTITION_ASSIGNED" | "BACKFILL_ATTEMPTED" | "SCHEDULING_ATTEMPTED" | "SAVE_BATCH_SCRIPT" | "GRES_ONE_TASK_PER_SHARING" | "GRES_MULTIPLE_TASKS_PER_SHARING" | "GRES_ALLOW_TASK_SHARING")[];
            /** @description Burst buffer specifications */
            burst_buffer?: string;
            /** @description Burst buffer state details */
            burst_buffer_state?: string;
            /** @description Cluster name */
            cluster?: string;
            /** @description List of required cluster features */
            cluster_features?: string;
            /** @description Executed command */
            command?: string;
            /** @description Arbitrary comment */
            comment?: string;
            /** @description Absolute path to OCI container bundle */
            container?: string;
            /** @description OCI container ID */
            container_id?: string;
            /** @description True if job requires contiguous nodes */
            contiguous?: boolean;
            /**
             * Format: int32
             * @description Specialized core count
             */
            core_spec?: number;
            /**
             * Format: int32
             * @description Specialized thread count
             */
            thread_spec?: number;
            /** @description Cores per socket required */
            cores_per_socket?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Billable TRES */
            billable_tres?: components["schemas"]["v0.0.40_float64_no_val"];
            /** @description Number of CPUs required by each task */
            cpus_per_task?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Minimum CPU frequency */
            cpu_frequency_minimum?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum CPU frequency */
            cpu_frequency_maximum?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description CPU frequency governor */
            cpu_frequency_governor?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Semicolon delimited list of TRES=# values indicating how many CPUs should be allocated for each specified TRES (currently only used for gres/gpu) */
            cpus_per_tres?: string;
            /** @description Time specification for scrontab job */
            cron?: string;
            /** @description Latest time that the job may start (UNIX timestamp) */
            deadline?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Number of seconds after job eligible start that nodes will be rebooted to satisfy feature specification */
            delay_boot?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Other jobs that must meet certain criteria before this job can start */
            dependency?: string;
            /** @description return code returned by process */
            derived_exit_code?: components["schemas"]["v0.0.40_process_exit_code_verbose"];
            /** @description Time when the job became eligible to run (UNIX timestamp) */
            eligible_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description End time, real or expected (UNIX timestamp) */
            end_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Comma separated list of nodes that may not be used */
            excluded_nodes?: string;
            /** @description return code returned by process */
            exit_code?: components["schemas"]["v0.0.40_process_exit_code_verbose"];
            /** @description Arbitrary string used for node filtering if extra constraints are enabled */
            extra?: string;
            /** @description Name of node that caused job failure */
            failed_node?: string;
            /** @description Comma separated list of features that are required */
            features?: string;
            /** @description Origin cluster's name (when using federation) */
            federation_origin?: string;
            /** @description Active sibling job names */
            federation_siblings_active?: string;
            /** @description Viable sibling job names */
            federation_siblings_viable?: string;
            /** @description List of GRES index and counts allocated per node */
            gres_detail?: components["schemas"]["v0.0.40_job_info_gres_detail"];
            /**
             * Format: int32
             * @description Group ID of the user that owns the job
             */
            group_id?: number;
            /** @description Group name of the user that owns the job */
            group_name?: string;
            /** @description Heterogeneous job ID, if applicable */
            het_job_id?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Job ID range for all heterogeneous job components */
            het_job_id_set?: string;
            /** @description Unique sequence number applied to this component of the heterogeneous job */
            het_job_offset?: components["schemas"]["v0.0.40_uint32_no_val"];
            /**
             * Format: int32
             * @description Job ID
             */
            job_id?: number;
            /** @description Resources used by the job */
            job_resources?: components["schemas"]["v0.0.40_job_res"];
            /** @description Number of nodes (in a range) required for this job */
            job_size_str?: components["schemas"]["v0.0.40_csv_string"];
            /** @description Current state */
            job_state?: ("PENDING" | "RUNNING" | "SUSPENDED" | "COMPLETED" | "CANCELLED" | "FAILED" | "TIMEOUT" | "NODE_FAIL" | "PREEMPTED" | "BOOT_FAIL" | "DEADLINE" | "OUT_OF_MEMORY" | "LAUNCH_FAILED" | "UPDATE_DB" | "REQUEUED" | "REQUEUE_HOLD" | "SPECIAL_EXIT" | "RESIZING" | "CONFIGURING" | "COMPLETING" | "STOPPED" | "RECONFIG_FAIL" | "POWER_UP_NODE" | "REVOKED" | "REQUEUE_FED" | "RESV_DEL_HOLD" | "SIGNALING" | "STAGE_OUT")[];
            /** @description Last time job was evaluated for scheduling (UNIX timestamp) */
            last_sched_evaluation?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description License(s) required by the job */
            licenses?: string;
            /** @description Mail event type(s) */
            mail_type?: ("BEGIN" | "END" | "FAIL" | "REQUEUE" | "TIME=100%" | "TIME=90%" | "TIME=80%" | "TIME=50%" | "STAGE_OUT" | "ARRAY_TASKS" | "INVALID_DEPENDENCY")[];
            /** @description User to receive email notifications */
            mail_user?: string;
            /** @description Maximum number of CPUs usable by the job */
            max_cpus?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Maximum number of nodes usable by the job */
            max_nodes?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Multi-Category Security label on the job */
            mcs_label?: string;
            /** @description Semicolon delimited list of TRES=# values indicating how much memory in megabytes should be allocated for each specified TRES (currently only used for gres/gpu) */
            memory_per_tres?: string;
            /** @description Job name */
            name?: string;
            /** @description Network specs for the job */
            network?: string;
            /** @description Node(s) allocated to the job */
            nodes?: string;
            /**
             * Format: int32
             * @description Requested job priority change
             */
            nice?: number;
            /** @description Number of tasks invoked on each core */
            tasks_per_core?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Number of tasks that can assess each GPU */
            tasks_per_tres?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Number of tasks invoked on each node */
            tasks_per_node?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Number of tasks invoked on each socket */
            tasks_per_socket?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Number of tasks invoked on each board */
            tasks_per_board?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Minimum number of CPUs required */
            cpus?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Minimum number of nodes required */
            node_count?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Number of tasks */
            tasks?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Partition assigned to the job */
            partition?: string;
            /** @description Feature(s) the job requested but that are not required */
            prefer?: string;
            /** @description Minimum memory in megabytes per allocated CPU */
            memory_per_cpu?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Minimum memory in megabytes per allocated node */
            memory_per_node?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Minimum number of CPUs per node */
            minimum_cpus_per_node?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Minimum tmp disk space required per node */
            minimum_tmp_disk_per_node?: components["schemas"]["v0.0.40_uint32_no_val"];
            power?: {
                flags?: components["schemas"]["v0.0.40_power_flags"];
            };
            /** @description Time job received preemption signal (UNIX timestamp) */
            preempt_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Time job becomes eligible for preemption (UNIX timestamp) */
            preemptable_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Total run time prior to last suspend in seconds */
            pre_sus_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Job held */
            hold?: boolean;
            /** @description Request specific job priority */
            priority?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Profile used by the acct_gather_profile plugin */
            profile?: ("NOT_SET" | "NONE" | "ENERGY" | "LUSTRE" | "NETWORK" | "TASK")[];
            /** @description Quality of Service assigned to the job */
            qos?: string;
            /** @description Node reboot requested before start */
            reboot?: boolean;
            /** @description Comma separated list of required nodes */
            required_nodes?: string;
            /**
             * Format: int32
             * @description Maximum number of switches (the 'minimum' in the key is incorrect)
             */
            minimum_switches?: number;
            /** @description Determines whether the job may be requeued */
            requeue?: boolean;
            /** @description Time of last size change (UNIX timestamp) */
            resize_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /**
             * Format: int32
             * @description Number of job restarts
             */
            restart_cnt?: number;
            /** @description Name of reservation to use */
            resv_name?: string;
            /** @description List of nodes scheduled to be used for the job */
            scheduled_nodes?: string;
            /** @description SELinux context */
            selinux_context?: string;
            /** @description How the job can share resources with other jobs, if at all */
            shared?: ("none" | "oversubscribe" | "user" | "mcs")[];
            exclusive?: ("true" | "false" | "user" | "mcs")[];
            oversubscribe?: boolean;
            /** @description Job details shown in this response */
            show_flags?: ("ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE")[];
            /**
             * Format: int32
             * @description Number of sockets per board required
             */
            sockets_per_board?: number;
            /** @description Number of sockets per node required */
            sockets_per_node?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Time execution began, or is expected to begin (UNIX timestamp) */
            start_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Optional details for state_reason */
            state_description?: string;
            /** @description Reason for current Pending or Failed state */
            state_reason?: string;
            /** @description Path to stderr file */
            standard_error?: string;
            /** @description Path to stdin file */
            standard_input?: string;
            /** @description Path to stdout file */
            standard_output?: string;
            /** @description Time when the job was submitted (UNIX timestamp) */
            submit_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Time the job was last suspended or resumed (UNIX timestamp) */
            suspend_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Arbitrary comment from slurmctld */
            system_comment?: string;
            /** @description Maximum run time in minutes */
            time_limit?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Minimum run time in minutes */
            time_minimum?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Number of threads per core required */
            threads_per_core?: components["schemas"]["v0.0.40_uint16_no_val"];
            /** @description Task to TRES binding directives */
            tres_bind?: string;
            /** @description TRES frequency directives */
            tres_freq?: string;
            /** @description Comma separated list of TRES=# values to be allocated per job */
            tres_per_job?: string;
            /** @description Comma separated list of TRES=# values to be allocated per node */
            tres_per_node?: string;
            /** @description Comma separated list of TRES=# values to be allocated per socket */
            tres_per_socket?: string;
            /** @description Comma separated list of TRES=# values to be allocated per task */
            tres_per_task?: string;
            /** @description TRES requested by the job */
            tres_req_str?: string;
            /** @description TRES used by the job */
            tres_alloc_str?: string;
            /**
             * Format: int32
             * @description User ID that owns the job
             */
            user_id?: number;
            /** @description User name that owns the job */
            user_name?: string;
            /**
             * Format: int32
             * @description Maximum time to wait for switches in seconds
             */
            maximum_switch_wait_time?: number;
            /** @description Workload characterization key */
            wckey?: string;
            /** @description Working directory to use for the job */
            current_working_directory?: string;
        };
        "v0.0.40_job_info_gres_detail": string[];
        "v0.0.40_job_res": {
            /** @description Node(s) allocated to the job */
            nodes?: string;
            /**
             * Format: int32
             * @description Number of allocated cores
             */
            allocated_cores?: number;
            /**
             * Format: int32
             * @description Number of allocated CPUs
             */
            allocated_cpus?: number;
            /**
             * Format: int32
             * @description Number of allocated hosts
             */
            allocated_hosts?: number;
            /** @description Allocated node resources */
            allocated_nodes?: components["schemas"]["v0.0.40_job_res_nodes"];
        };
        /** @description job node resources */
        "v0.0.40_job_res_nodes": unknown[];
        "v0.0.40_openapi_kill_jobs_resp": {
            /** @description resultant status of signal request */
            status: components["schemas"]["v0.0.40_kill_jobs_resp_msg"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        /** @description List of jobs signal responses */
        "v0.0.40_kill_jobs_resp_msg": components["schemas"]["v0.0.40_kill_jobs_resp_job"][];
        "v0.0.40_kill_jobs_resp_job": {
            error?: {
                /** @description String error encountered signaling job */
                string?: string;
                /**
                 * Format: int32
                 * @description Numeric error encountered signaling job
                 */
                code?: number;
                /** @description Error message why signaling job failed */
                message?: string;
            };
            /** @description Job or Step ID that signaling failed */
            step_id: string;
            /** @description Job ID that signaling failed */
            job_id: components["schemas"]["v0.0.40_uint32_no_val"];
            federation?: {
                /** @description Name of federation sibling (may be empty for non-federation) */
                sibling?: string;
            };
        };
        "v0.0.40_kill_jobs_msg": {
            /** @description Filter jobs to a specific account */
            account?: string;
            /** @description Filter jobs according to flags */
            flags?: ("BATCH_JOB" | "ARRAY_TASK" | "FULL_STEPS_ONLY" | "FULL_JOB" | "FEDERATION_REQUEUE" | "HURRY" | "OUT_OF_MEMORY" | "NO_SIBLING_JOBS" | "RESERVATION_JOB" | "NO_CRON_JOBS" | "VERBOSE" | "CRON_JOBS" | "WARNING_SENT")[];
            /** @description Filter jobs to a specific name */
            job_name?: string;
            /** @description List of jobs to signal */
            jobs?: components["schemas"]["v0.0.40_kill_jobs_msg_jobs_array"];
            /** @description Filter jobs to a specific partition */
            partition?: string;
            /** @description Filter jobs to a specific QOS */
            qos?: string;
            /** @description Filter jobs to a specific reservation */
            reservation?: string;
            /** @description Signal to send to jobs */
            signal?: string;
            /** @description Filter jobs to a specific state */
            job_state?: ("PENDING" | "RUNNING" | "SUSPENDED" | "COMPLETED" | "CANCELLED" | "FAILED" | "TIMEOUT" | "NODE_FAIL" | "PREEMPTED" | "BOOT_FAIL" | "DEADLINE" | "OUT_OF_MEMORY" | "LAUNCH_FAILED" | "UPDATE_DB" | "REQUEUED" | "REQUEUE_HOLD" | "SPECIAL_EXIT" | "RESIZING" | "CONFIGURING" | "COMPLETING" | "STOPPED" | "RECONFIG_FAIL" | "POWER_UP_NODE" | "REVOKED" | "REQUEUE_FED" | "RESV_DEL_HOLD" | "SIGNALING" | "STAGE_OUT")[];
            /** @description Filter jobs to a specific numeric user id */
            user_id?: string;
            /** @description Filter jobs to a specific user name */
            user_name?: string;
            /** @description Filter jobs to a specific wckey */
            wckey?: string;
            /** @description Filter jobs to a set of nodes */
            nodes?: components["schemas"]["v0.0.40_hostlist_string"];
        };
        "v0.0.40_kill_jobs_msg_jobs_array": string[];
        "v0.0.40_hostlist_string": string[];
        "v0.0.40_openapi_job_post_response": {
            /** @description Job update results */
            results?: components["schemas"]["v0.0.40_job_array_response_array"];
            /** @description First updated Job ID - Use results instead */
            job_id?: string;
            /** @description First updated Step ID - Use results instead */
            step_id?: string;
            /** @description First updated Job submision user message - Use results instead */
            job_submit_user_msg?: string;
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_job_array_response_array": components["schemas"]["v0.0.40_job_array_response_msg_entry"][];
        "v0.0.40_job_array_response_msg_entry": {
            /**
             * Format: int32
             * @description Job ID for updated Job
             */
            job_id?: number;
            /** @description Step ID for updated Job */
            step_id?: string;
            /** @description Verbose update status or error */
            error?: string;
            /**
             * Format: int32
             * @description Verbose update status or error
             */
            error_code?: number;
            /** @description Update response message */
            why?: string;
        };
        "v0.0.40_openapi_nodes_resp": {
            /** @description List of nodes */
            nodes: components["schemas"]["v0.0.40_nodes"];
            /** @description Time of last node change (UNIX timestamp) */
            last_update: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_nodes": components["schemas"]["v0.0.40_node"][];
        "v0.0.40_node": {
            /** @description Computer architecture */
            architecture?: string;
            /** @description Alternate network path to be used for sbcast network traffic */
            burstbuffer_network_address?: string;
            /**
             * Format: int32
             * @description Number of Baseboards in nodes with a baseboard controller
             */
            boards?: number;
            /** @description Time when the node booted (UNIX timestamp) */
            boot_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Cluster name (only set in federated environments) */
            cluster_name?: string;
            /**
             * Format: int32
             * @description Number of cores in a single physical processor socket
             */
            cores?: number;
            /**
             * Format: int32
             * @description Number of cores reserved for system use
             */
            specialized_cores?: number;
            /**
             * Format: int32
             * @description Default method for binding tasks to allocated CPUs
             */
            cpu_binding?: number;
            /**
             * Format: int32
             * @description CPU load as reported by the OS
             */
            cpu_load?: number;
            /** @description Total memory in MB currently free as reported by the OS */
            free_mem?: components["schemas"]["v0.0.40_uint64_no_val"];
            /**
             * Format: int32
             * @description Total CPUs, including cores and threads
             */
            cpus?: number;
            /**
             * Format: int32
             * @description Number of effective CPUs (excluding specialized CPUs)
             */
            effective_cpus?: number;
            /** @description Abstract CPU IDs on this node reserved for exclusive use by slurmd and slurmstepd */
            specialized_cpus?: string;
            /** @description Energy usage data */
            energy?: components["schemas"]["v0.0.40_acct_gather_energy"];
            external_sensors?: components["schemas"]["v0.0.40_ext_sensors_data"];
            /** @description Arbitrary string used for node filtering if extra constraints are enabled */
            extra?: string;
            power?: components["schemas"]["v0.0.40_power_mgmt_data"];
            /** @description Available features */
            features?: components["schemas"]["v0.0.40_csv_string"];
            /** @description Currently active features */
            active_features?: components["schemas"]["v0.0.40_csv_string"];
            /** @description Generic resources */
            gres?: string;
            /** @description Drained generic resources */
            gres_drained?: string;
            /** @description Generic resources currently in use */
            gres_used?: string;
            /** @description Cloud instance ID */
            instance_id?: string;
            /** @description Cloud instance type */
            instance_type?: string;
            /** @description Time when the node was last busy (UNIX timestamp) */
            last_busy?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Multi-Category Security label */
            mcs_label?: string;
            /**
             * Format: int64
             * @description Combined memory limit, in MB, for Slurm compute node daemons
             */
            specialized_memory?: number;
            /** @description NodeName */
            name?: string;
            /** @description The state the node will be assigned after rebooting */
            next_state_after_reboot?: ("INVALID" | "UNKNOWN" | "DOWN" | "IDLE" | "ALLOCATED" | "ERROR" | "MIXED" | "FUTURE" | "RESERVED" | "UNDRAIN" | "CLOUD" | "RESUME" | "DRAIN" | "COMPLETING" | "NOT_RESPONDING" | "POWERED_DOWN" | "FAIL" | "POWERING_UP" | "MAINTENANCE" | "REBOOT_REQUESTED" | "REBOOT_CANCELED" | "POWERING_DOWN" | "DYNAMIC_FUTURE" | "REBOOT_ISSUED" | "PLANNED" | "INVALID_REG" | "POWER_DOWN" | "POWER_UP" | "POWER_DRAIN" | "DYNAMIC_NORM")[];
            /** @description NodeAddr, used to establish a communication path */
            address?: string;
            /** @description NodeHostname */
            hostname?: string;
            /** @description Node state(s) applicable to this node */
            state?: ("INVALID" | "UNKNOWN" | "DOWN" | "IDLE" | "ALLOCATED" | "ERROR" | "MIXED" | "FUTURE" | "RESERVED" | "UNDRAIN" | "CLOUD" | "RESUME" | "DRAIN" | "COMPLETING" | "NOT_RESPONDING" | "POWERED_DOWN" | "FAIL" | "POWERING_UP" | "MAINTENANCE" | "REBOOT_REQUESTED" | "REBOOT_CANCELED" | "POWERING_DOWN" | "DYNAMIC_FUTURE" | "REBOOT_ISSUED" | "PLANNED" | "INVALID_REG" | "POWER_DOWN" | "POWER_UP" | "POWER_DRAIN" | "DYNAMIC_NORM")[];
            /** @description Operating system reported by the node */
            operating_system?: string;
            /** @description User allowed to run jobs on this node (unset if no restriction) */
            owner?: string;
            /** @description Partitions containing this node */
            partitions?: components["schemas"]["v0.0.40_csv_string"];
            /**
             * Format: int32
             * @description TCP port number of the slurmd
             */
            port?: number;
            /**
             * Format: int64
             * @description Total memory in MB on the node
             */
            real_memory?: number;
            /** @description Arbitrary comment */
            comment?: string;
            /** @description Describes why the node is in a "DOWN", "DRAINED", "DRAINING", "FAILING" or "FAIL" state */
            reason?: string;
            /** @description When the reason changed (UNIX timestamp) */
            reason_changed_at?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description User who set the reason */
            reason_set_by_user?: string;
            /** @description Number of seconds after the node's state is updated to "DOWN" or "DRAIN" before scheduling a node state resume */
            resume_after?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Name of reservation containing this node */
            reservation?: string;
            /**
             * Format: int64
             * @description Total memory in MB currently allocated for jobs
             */
            alloc_memory?: number;
            /**
             * Format: int32
             * @description Total number of CPUs currently allocated for jobs
             */
            alloc_cpus?: number;
            /**
             * Format: int32
             * @description Total number of idle CPUs
             */
            alloc_idle_cpus?: number;
            /** @description Trackable resources currently allocated for jobs */
            tres_used?: string;
            /**
             * Format: double
             * @description Weighted number of billable trackable resources allocated
             */
            tres_weighted?: number;
            /** @description Time when the slurmd started (UNIX timestamp) */
            slurmd_start_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /**
             * Format: int32
             * @description Number of physical processor sockets/chips on the node
             */
            sockets?: number;
            /**
             * Format: int32
             * @description Number of logical threads in a single physical core
             */
            threads?: number;
            /**
             * Format: int32
             * @description Total size in MB of temporary disk storage in TmpFS
             */
            temporary_disk?: number;
            /**
             * Format: int32
             * @description Weight of the node for scheduling purposes
             */
            weight?: number;
            /** @description Configured trackable resources */
            tres?: string;
            /** @description Slurmd version */
            version?: string;
        };
        "v0.0.40_acct_gather_energy": {
            /**
             * Format: int32
             * @description Average power consumption, in watts
             */
            average_watts?: number;
            /**
             * Format: int64
             * @description The energy consumed between when the node was powered on and the last time it was registered by slurmd, in joules
             */
            base_consumed_energy?: number;
            /**
             * Format: int64
             * @description The energy consumed between the last time the node was registered by the slurmd daemon and the last node energy accounting sample, in joules
             */
            consumed_energy?: number;
            /** @description The instantaneous power consumption at the time of the last node energy accounting sample, in watts */
            current_watts?: components["schemas"]["v0.0.40_uint32_no_val"];
            /**
             * Format: int64
             * @description Previous value of consumed_energy
             */
            previous_consumed_energy?: number;
            /**
             * Format: int64
             * @description Time when energy data was last retrieved (UNIX timestamp)
             */
            last_collected?: number;
        };
        /**
         * @deprecated
         * @description removed field
         */
        "v0.0.40_ext_sensors_data": Record<string, unknown>;
        /**
         * @deprecated
         * @description removed field
         */
        "v0.0.40_power_mgmt_data": Record<string, unknown>;
        "v0.0.40_update_node_msg": {
            /** @description Arbitrary comment */
            comment?: string;
            /**
             * Format: int32
             * @description Default method for binding tasks to allocated CPUs
             */
            cpu_bind?: number;
            /** @description Arbitrary string used for node filtering if extra constraints are enabled */
            extra?: string;
            /** @description Available features */
            features?: components["schemas"]["v0.0.40_csv_string"];
            /** @description Currently active features */
            features_act?: components["schemas"]["v0.0.40_csv_string"];
            /** @description Generic resources */
            gres?: string;
            /** @description NodeAddr, used to establish a communication path */
            address?: components["schemas"]["v0.0.40_hostlist_string"];
            /** @description NodeHostname */
            hostname?: components["schemas"]["v0.0.40_hostlist_string"];
            /** @description NodeName */
            name?: components["schemas"]["v0.0.40_hostlist_string"];
            /** @description New state to assign to the node */
            state?: ("INVALID" | "UNKNOWN" | "DOWN" | "IDLE" | "ALLOCATED" | "ERROR" | "MIXED" | "FUTURE" | "RESERVED" | "UNDRAIN" | "CLOUD" | "RESUME" | "DRAIN" | "COMPLETING" | "NOT_RESPONDING" | "POWERED_DOWN" | "FAIL" | "POWERING_UP" | "MAINTENANCE" | "REBOOT_REQUESTED" | "REBOOT_CANCELED" | "POWERING_DOWN" | "DYNAMIC_FUTURE" | "REBOOT_ISSUED" | "PLANNED" | "INVALID_REG" | "POWER_DOWN" | "POWER_UP" | "POWER_DRAIN" | "DYNAMIC_NORM")[];
            /** @description Reason for node being DOWN or DRAINING */
            reason?: string;
            /** @description User ID to associate with the reason (needed if user root is sending message) */
            reason_uid?: string;
            /** @description Number of seconds after which to automatically resume DOWN or DRAINED node */
            resume_after?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Weight of the node for scheduling purposes */
            weight?: components["schemas"]["v0.0.40_uint32_no_val"];
        };
        "v0.0.40_openapi_partition_resp": {
            /** @description List of partitions */
            partitions: components["schemas"]["v0.0.40_partition_info_msg"];
            /** @description Time of last partition change (UNIX timestamp) */
            last_update: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_partition_info_msg": components["schemas"]["v0.0.40_partition_info"][];
        "v0.0.40_partition_info": {
            nodes?: {
                /** @description AllocNodes */
                allowed_allocation?: string;
                /** @description Nodes */
                configured?: string;
                /**
                 * Format: int32
                 * @description TotalNodes
                 */
                total?: number;
            };
            accounts?: {
                /** @description AllowAccounts */
                allowed?: string;
                /** @description DenyAccounts */
                deny?: string;
            };
            groups?: {
                /** @description AllowGroups */
                allowed?: string;
            };
            qos?: {
                /** @description AllowQOS */
                allowed?: string;
                /** @description DenyQOS */
                deny?: string;
                /** @description QOS */
                assigned?: string;
            };
            /** @description Alternate */
            alternate?: string;
            tres?: {
                /** @description TRESBillingWeights */
                billing_weights?: string;
                /** @description TRES */
                configured?: string;
            };
            /** @description Cluster name */
            cluster?: string;
            cpus?: {
                /**
                 * Format: int32
                 * @description CpuBind
                 */
                task_binding?: number;
                /**
                 * Format: int32
                 * @description TotalCPUs
                 */
                total?: number;
            };
            defaults?: {
                /**
                 * Format: int64
                 * @description DefMemPerCPU or DefMemPerNode
                 */
                memory_per_cpu?: number;
                /** @description DefMemPerCPU */
                partition_memory_per_cpu?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description DefMemPerNode */
                partition_memory_per_node?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description DefaultTime in minutes */
                time?: components["schemas"]["v0.0.40_uint32_no_val"];
                /** @description JobDefaults */
                job?: string;
            };
            /**
             * Format: int32
             * @description GraceTime
             */
            grace_time?: number;
            maximums?: {
                /** @description MaxCPUsPerNode */
                cpus_per_node?: components["schemas"]["v0.0.40_uint32_no_val"];
                /** @description MaxCPUsPerSocket */
                cpus_per_socket?: components["schemas"]["v0.0.40_uint32_no_val"];
                /**
                 * Format: int64
                 * @description MaxMemPerCPU or MaxMemPerNode
                 */
                memory_per_cpu?: number;
                /** @description MaxMemPerCPU */
                partition_memory_per_cpu?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description MaxMemPerNode */
                partition_memory_per_node?: components["schemas"]["v0.0.40_uint64_no_val"];
                /** @description MaxNodes */
                nodes?: components["schemas"]["v0.0.40_uint32_no_val"];
                /**
                 * Format: int32
                 * @description OverSubscribe
                 */
                shares?: number;
                oversubscribe?: {
                    /**
                     * Format: int32
                     * @description Maximum number of jobs allowed to oversubscribe resources
                     */
                    jobs?: number;
                    /** @description Flags applicable to the OverSubscribe setting */
                    flags?: "force"[];
                };
                /** @description MaxTime */
                time?: components["schemas"]["v0.0.40_uint32_no_val"];
                /** @description OverTimeLimit */
                over_time_limit?: components["schemas"]["v0.0.40_uint16_no_val"];
            };
            minimums?: {
                /**
                 * Format: int32
                 * @description MinNodes
                 */
                nodes?: number;
            };
            /** @description PartitionName */
            name?: string;
            /** @description NodeSets */
            node_sets?: string;
            priority?: {
                /**
                 * Format: int32
                 * @description PriorityJobFactor
                 */
                job_factor?: number;
                /**
                 * Format: int32
                 * @description PriorityTier
                 */
                tier?: number;
            };
            timeouts?: {
                /** @description ResumeTimeout (GLOBAL if both set and infinite are false) */
                resume?: components["schemas"]["v0.0.40_uint16_no_val"];
                /** @description SuspendTimeout (GLOBAL if both set and infinite are false) */
                suspend?: components["schemas"]["v0.0.40_uint16_no_val"];
            };
            partition?: {
                /** @description Current state(s) */
                state?: ("INACTIVE" | "UNKNOWN" | "UP" | "DOWN" | "DRAIN")[];
            };
            /** @description SuspendTime (GLOBAL if both set and infinite are false) */
            suspend_time?: components["schemas"]["v0.0.40_uint32_no_val"];
        };
        "v0.0.40_openapi_reservation_resp": {
            /** @description List of reservations */
            reservations: components["schemas"]["v0.0.40_reservation_info_msg"];
            /** @description Time of last reservation change (UNIX timestamp) */
            last_update: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Slurm meta values */
            meta?: components["schemas"]["v0.0.40_openapi_meta"];
            /** @description Query errors */
            errors?: components["schemas"]["v0.0.40_openapi_errors"];
            /** @description Query warnings */
            warnings?: components["schemas"]["v0.0.40_openapi_warnings"];
        };
        "v0.0.40_reservation_info_msg": components["schemas"]["v0.0.40_reservation_info"][];
        "v0.0.40_reservation_info": {
            /** @description Comma separated list of permitted accounts */
            accounts?: string;
            /** @description BurstBuffer */
            burst_buffer?: string;
            /**
             * Format: int32
             * @description CoreCnt
             */
            core_count?: number;
            /** @description Reserved cores specification */
            core_specializations?: components["schemas"]["v0.0.40_reservation_info_core_spec"];
            /** @description EndTime (UNIX timestamp) */
            end_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            /** @description Features */
            features?: string;
            /** @description Flags associated with the reservation */
            flags?: ("MAINT" | "NO_MAINT" | "DAILY" | "NO_DAILY" | "WEEKLY" | "NO_WEEKLY" | "IGNORE_JOBS" | "NO_IGNORE_JOBS" | "ANY_NODES" | "STATIC" | "NO_STATIC" | "PART_NODES" | "NO_PART_NODES" | "OVERLAP" | "SPEC_NODES" | "TIME_FLOAT" | "REPLACE" | "ALL_NODES" | "PURGE_COMP" | "WEEKDAY" | "NO_WEEKDAY" | "WEEKEND" | "NO_WEEKEND" | "FLEX" | "NO_FLEX" | "DURATION_PLUS" | "DURATION_MINUS" | "NO_HOLD_JOBS_AFTER_END" | "NO_PURGE_COMP" | "MAGNETIC" | "SKIP" | "HOURLY" | "NO_HOURLY" | "REOCCURRING")[];
            /** @description Groups */
            groups?: string;
            /** @description Licenses */
            licenses?: string;
            /**
             * Format: int32
             * @description MaxStartDelay in seconds
             */
            max_start_delay?: number;
            /** @description ReservationName */
            name?: string;
            /**
             * Format: int32
             * @description NodeCnt
             */
            node_count?: number;
            /** @description Nodes */
            node_list?: string;
            /** @description PartitionName */
            partition?: string;
            purge_completed?: {
                /** @description If PURGE_COMP flag is set, the number of seconds this reservation will sit idle before it is revoked */
                time?: components["schemas"]["v0.0.40_uint32_no_val"];
            };
            /** @description StartTime (UNIX timestamp) */
            start_time?: components["schemas"]["v0.0.40_uint64_no_val"];
            watts?: components["schemas"]["v0.0.40_uint32_no_val"];
            /** @description Comma separated list of required TRES */
            tres?: string;
            /** @description Comma separated list of permitted users */
            users?: string;
        };
        "v0.0.40_reservation_info_core_spec": components["schemas"]["v0.0.40_reservation_core_spec"][];
        "v0.0.40_reservation_core_spec": {
            /** @description Name of reserved node */
            node?: string;
            /** @description IDs of reserved cores */
            core?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    slurmdb_v0040_get_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @deprecated
                 * @description Job id
                 */
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Job description */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_jobs_resp"];
                };
            };
            /** @description Job description */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_jobs_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_config: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description slurmdbd configuration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_config_resp"];
                };
            };
            /** @description slurmdbd configuration */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_config_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_config: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Add or update config */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_config_resp"];
            };
        };
        responses: {
            /** @description slurmdbd configuration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description slurmdbd configuration */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_tres: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of TRES */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_tres_resp"];
                };
            };
            /** @description List of TRES */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_tres_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_tres: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description TRES descriptions. Only works in developer mode. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_tres_resp"];
            };
        };
        responses: {
            /** @description TRES update result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description TRES update result */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_single_qos: {
        parameters: {
            query?: {
                /** @description Query includes deleted QOS */
                with_deleted?: string;
            };
            header?: never;
            path: {
                /**
                 * @deprecated
                 * @description QOS name
                 */
                qos: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description QOS information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_qos_resp"];
                };
            };
            /** @description QOS information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_qos_resp"];
                };
            };
        };
    };
    slurmdb_v0040_delete_single_qos: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @deprecated
                 * @description QOS name
                 */
                qos: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description results of ping test */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_qos_removed_resp"];
                };
            };
            /** @description results of ping test */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_qos_removed_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_qos: {
        parameters: {
            query?: {
                /** @description CSV description list */
                description?: string;
                /** @description CSV QOS id list */
                id?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV QOS name list */
                name?: string;
                /** @description PreemptMode used when jobs in this QOS are preempted */
                preempt_mode?: "DISABLED" | "SUSPEND" | "REQUEUE" | "CANCEL" | "GANG";
                /** @description Include deleted QOS */
                with_deleted?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of QOS */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_qos_resp"];
                };
            };
            /** @description List of QOS */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_qos_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_qos: {
        parameters: {
            query?: {
                /** @description CSV description list */
                description?: string;
                /** @description CSV QOS id list */
                id?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV QOS name list */
                name?: string;
                /** @description PreemptMode used when jobs in this QOS are preempted */
                preempt_mode?: "DISABLED" | "SUSPEND" | "REQUEUE" | "CANCEL" | "GANG";
                /** @description Include deleted QOS */
                with_deleted?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Description of QOS to add or update */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_qos_resp"];
            };
        };
        responses: {
            /** @description QOS update response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description QOS update response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_associations: {
        parameters: {
            query?: {
                /** @description CSV accounts list */
                account?: string;
                /** @description CSV clusters list */
                cluster?: string;
                /** @description CSV QOS list */
                default_qos?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV id list */
                id?: string;
                /** @description Filter to only defaults */
                only_defaults?: string;
                /** @description CSV names of parent account */
                parent_account?: string;
                /** @description CSV partition name list */
                partition?: string;
                /** @description CSV QOS list */
                qos?: string;
                /** @description Usage end (UNIX timestamp) */
                usage_end?: string;
                /** @description Usage start (UNIX timestamp) */
                usage_start?: string;
                /** @description CSV user list */
                user?: string;
                /** @description Include usage */
                with_usage?: string;
                /** @description Include deleted associations */
                with_deleted?: string;
                /** @description Include a raw qos or delta_qos */
                with_raw_qos?: string;
                /** @description Include sub acct information also */
                with_sub_accts?: string;
                /** @description Exclude parent id/name */
                without_parent_info?: string;
                /** @description Exclude limits from parents */
                without_parent_limits?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of associations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_assocs_resp"];
                };
            };
            /** @description List of associations */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_assocs_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_associations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Job description */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_assocs_resp"];
            };
        };
        responses: {
            /** @description status of associations update */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description status of associations update */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_delete_associations: {
        parameters: {
            query?: {
                /** @description CSV accounts list */
                account?: string;
                /** @description CSV clusters list */
                cluster?: string;
                /** @description CSV QOS list */
                default_qos?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV id list */
                id?: string;
                /** @description Filter to only defaults */
                only_defaults?: string;
                /** @description CSV names of parent account */
                parent_account?: string;
                /** @description CSV partition name list */
                partition?: string;
                /** @description CSV QOS list */
                qos?: string;
                /** @description Usage end (UNIX timestamp) */
                usage_end?: string;
                /** @description Usage start (UNIX timestamp) */
                usage_start?: string;
                /** @description CSV user list */
                user?: string;
                /** @description Include usage */
                with_usage?: string;
                /** @description Include deleted associations */
                with_deleted?: string;
                /** @description Include a raw qos or delta_qos */
                with_raw_qos?: string;
                /** @description Include sub acct information also */
                with_sub_accts?: string;
                /** @description Exclude parent id/name */
                without_parent_info?: string;
                /** @description Exclude limits from parents */
                without_parent_limits?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of associations deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_assocs_removed_resp"];
                };
            };
            /** @description List of associations deleted */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_assocs_removed_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_association: {
        parameters: {
            query?: {
                /** @description CSV accounts list */
                account?: string;
                /** @description CSV clusters list */
                cluster?: string;
                /** @description CSV QOS list */
                default_qos?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV id list */
                id?: string;
                /** @description Filter to only defaults */
                only_defaults?: string;
                /** @description CSV names of parent account */
                parent_account?: string;
                /** @description CSV partition name list */
                partition?: string;
                /** @description CSV QOS list */
                qos?: string;
                /** @description Usage end (UNIX timestamp) */
                usage_end?: string;
                /** @description Usage start (UNIX timestamp) */
                usage_start?: string;
                /** @description CSV user list */
                user?: string;
                /** @description Include usage */
                with_usage?: string;
                /** @description Include deleted associations */
                with_deleted?: string;
                /** @description Include a raw qos or delta_qos */
                with_raw_qos?: string;
                /** @description Include sub acct information also */
                with_sub_accts?: string;
                /** @description Exclude parent id/name */
                without_parent_info?: string;
                /** @description Exclude limits from parents */
                without_parent_limits?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of associations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_assocs_resp"];
                };
            };
            /** @description List of associations */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_assocs_resp"];
                };
            };
        };
    };
    slurmdb_v0040_delete_association: {
        parameters: {
            query?: {
                /** @description CSV accounts list */
                account?: string;
                /** @description CSV clusters list */
                cluster?: string;
                /** @description CSV QOS list */
                default_qos?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV id list */
                id?: string;
                /** @description Filter to only defaults */
                only_defaults?: string;
                /** @description CSV names of parent account */
                parent_account?: string;
                /** @description CSV partition name list */
                partition?: string;
                /** @description CSV QOS list */
                qos?: string;
                /** @description Usage end (UNIX timestamp) */
                usage_end?: string;
                /** @description Usage start (UNIX timestamp) */
                usage_start?: string;
                /** @description CSV user list */
                user?: string;
                /** @description Include usage */
                with_usage?: string;
                /** @description Include deleted associations */
                with_deleted?: string;
                /** @description Include a raw qos or delta_qos */
                with_raw_qos?: string;
                /** @description Include sub acct information also */
                with_sub_accts?: string;
                /** @description Exclude parent id/name */
                without_parent_info?: string;
                /** @description Exclude limits from parents */
                without_parent_limits?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status of associations delete request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_assocs_removed_resp"];
                };
            };
            /** @description Status of associations delete request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_assocs_removed_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_instances: {
        parameters: {
            query?: {
                /** @description CSV clusters list */
                cluster?: string;
                /** @description CSV extra list */
                extra?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV instance_id list */
                instance_id?: string;
                /** @description CSV instance_type list */
                instance_type?: string;
                /** @description Ranged node string */
                node_list?: string;
                /** @description Time end (UNIX timestamp) */
                time_end?: string;
                /** @description Time start (UNIX timestamp) */
                time_start?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of instances */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_instances_resp"];
                };
            };
            /** @description List of instances */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_instances_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_instance: {
        parameters: {
            query?: {
                /** @description CSV clusters list */
                cluster?: string;
                /** @description CSV extra list */
                extra?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV instance_id list */
                instance_id?: string;
                /** @description CSV instance_type list */
                instance_type?: string;
                /** @description Ranged node string */
                node_list?: string;
                /** @description Time end (UNIX timestamp) */
                time_end?: string;
                /** @description Time start (UNIX timestamp) */
                time_start?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of instances */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_instances_resp"];
                };
            };
            /** @description List of instances */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_instances_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_user: {
        parameters: {
            query?: {
                /** @description Include deleted users */
                with_deleted?: string;
                /** @description Include associations */
                with_assocs?: string;
                /** @description Include coordinators */
                with_coords?: string;
                /** @description Include wckeys */
                with_wckeys?: string;
            };
            header?: never;
            path: {
                /** @description User name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_users_resp"];
                };
            };
            /** @description List of users */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_users_resp"];
                };
            };
        };
    };
    slurmdb_v0040_delete_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Result of user delete request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description Result of user delete request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_users_association: {
        parameters: {
            query?: {
                /** @description Filter partitions since update timestamp */
                update_time?: string;
                /** @description Query flags */
                flags?: "ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Create users with conditional association */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_users_add_cond_resp"];
            };
        };
        responses: {
            /** @description Add list of users with conditional association */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_users_add_cond_resp_str"];
                };
            };
            /** @description Add list of users with conditional association */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_users_add_cond_resp_str"];
                };
            };
        };
    };
    slurmdb_v0040_get_users: {
        parameters: {
            query?: {
                /** @description Administrator level */
                admin_level?: "Not Set" | "None" | "Operator" | "Administrator";
                /** @description CSV default account list */
                default_account?: string;
                /** @description CSV default wckey list */
                default_wckey?: string;
                /** @description With associations */
                with_assocs?: string;
                /** @description With coordinators */
                with_coords?: string;
                /** @description With deleted */
                with_deleted?: string;
                /** @description With wckeys */
                with_wckeys?: string;
                /** @description Exclude defaults */
                without_defaults?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_users_resp"];
                };
            };
            /** @description List of users */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_users_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description add or update user */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_users_resp"];
            };
        };
        responses: {
            /** @description Status of user update request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description Status of user update request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_cluster: {
        parameters: {
            query?: {
                /** @description Type of machine */
                classification?: "UNCLASSIFIED" | "CAPABILITY" | "CAPACITY" | "CAPAPACITY (both CAPABILITY and CAPACITY)";
                /** @description CSV cluster list */
                cluster?: string;
                /** @description CSV federation list */
                federation?: string;
                /** @description Query flags */
                flags?: "REGISTERING" | "MULTIPLE_SLURMD" | "FRONT_END" | "FEDERATION" | "EXTERNAL";
                /** @description CSV format list */
                format?: string;
                /** @description CSV RPC version list */
                rpc_version?: string;
                /** @description Usage end (UNIX timestamp) */
                usage_end?: string;
                /** @description Usage start (UNIX timestamp) */
                usage_start?: string;
                /** @description Include deleted clusters */
                with_deleted?: string;
                /** @description Include usage */
                with_usage?: string;
            };
            header?: never;
            path: {
                /** @description Cluster name */
                cluster_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cluster information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_clusters_resp"];
                };
            };
            /** @description Cluster information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_clusters_resp"];
                };
            };
        };
    };
    slurmdb_v0040_delete_cluster: {
        parameters: {
            query?: {
                /** @description Type of machine */
                classification?: "UNCLASSIFIED" | "CAPABILITY" | "CAPACITY" | "CAPAPACITY (both CAPABILITY and CAPACITY)";
                /** @description CSV cluster list */
                cluster?: string;
                /** @description CSV federation list */
                federation?: string;
                /** @description Query flags */
                flags?: "REGISTERING" | "MULTIPLE_SLURMD" | "FRONT_END" | "FEDERATION" | "EXTERNAL";
                /** @description CSV format list */
                format?: string;
                /** @description CSV RPC version list */
                rpc_version?: string;
                /** @description Usage end (UNIX timestamp) */
                usage_end?: string;
                /** @description Usage start (UNIX timestamp) */
                usage_start?: string;
                /** @description Include deleted clusters */
                with_deleted?: string;
                /** @description Include usage */
                with_usage?: string;
            };
            header?: never;
            path: {
                /** @description Cluster name */
                cluster_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Result of delete cluster request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_clusters_removed_resp"];
                };
            };
            /** @description Result of delete cluster request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_clusters_removed_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_clusters: {
        parameters: {
            query?: {
                /** @description Filter reservations since update timestamp */
                update_time?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of clusters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_clusters_resp"];
                };
            };
            /** @description List of clusters */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_clusters_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_clusters: {
        parameters: {
            query?: {
                /** @description Filter reservations since update timestamp */
                update_time?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Cluster add or update descriptions */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_clusters_resp"];
            };
        };
        responses: {
            /** @description Result of modify clusters request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description Result of modify clusters request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_wckey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description wckey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Description of wckey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_wckey_resp"];
                };
            };
            /** @description Description of wckey */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_wckey_resp"];
                };
            };
        };
    };
    slurmdb_v0040_delete_wckey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description wckey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Result of wckey deletion request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_wckey_removed_resp"];
                };
            };
            /** @description Result of wckey deletion request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_wckey_removed_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_wckeys: {
        parameters: {
            query?: {
                /** @description CSV cluster name list */
                cluster?: string;
                /** @description CSV format name list */
                format?: string;
                /** @description CSV id list */
                id?: string;
                /** @description CSV name list */
                name?: string;
                /** @description Only query defaults */
                only_defaults?: string;
                /** @description Usage end (UNIX timestamp) */
                usage_end?: string;
                /** @description Usage start (UNIX timestamp) */
                usage_start?: string;
                /** @description CSV user list */
                user?: string;
                /** @description Include usage */
                with_usage?: string;
                /** @description Include deleted wckeys */
                with_deleted?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of wckeys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_wckey_resp"];
                };
            };
            /** @description List of wckeys */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_wckey_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_wckeys: {
        parameters: {
            query?: {
                /** @description CSV cluster name list */
                cluster?: string;
                /** @description CSV format name list */
                format?: string;
                /** @description CSV id list */
                id?: string;
                /** @description CSV name list */
                name?: string;
                /** @description Only query defaults */
                only_defaults?: string;
                /** @description Usage end (UNIX timestamp) */
                usage_end?: string;
                /** @description Usage start (UNIX timestamp) */
                usage_start?: string;
                /** @description CSV user list */
                user?: string;
                /** @description Include usage */
                with_usage?: string;
                /** @description Include deleted wckeys */
                with_deleted?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description wckeys description */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_wckey_resp"];
            };
        };
        responses: {
            /** @description Result of wckey addition or update request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description Result of wckey addition or update request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_account: {
        parameters: {
            query?: {
                /** @description Include associations */
                with_assocs?: string;
                /** @description Include coordinators */
                with_coords?: string;
                /** @description Include deleted */
                with_deleted?: string;
            };
            header?: never;
            path: {
                /** @description Account name */
                account_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_accounts_resp"];
                };
            };
            /** @description List of accounts */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_accounts_resp"];
                };
            };
        };
    };
    slurmdb_v0040_delete_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Account name */
                account_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status of account deletion request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_accounts_removed_resp"];
                };
            };
            /** @description Status of account deletion request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_accounts_removed_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_accounts_association: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Add list of accounts with conditional association */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_accounts_add_cond_resp"];
            };
        };
        responses: {
            /** @description Status of account addition request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_accounts_add_cond_resp_str"];
                };
            };
            /** @description Status of account addition request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_accounts_add_cond_resp_str"];
                };
            };
        };
    };
    slurmdb_v0040_get_accounts: {
        parameters: {
            query?: {
                /** @description CSV description list */
                description?: string;
                /** @description Include associations */
                with_assocs?: string;
                /** @description Include coordinators */
                with_coords?: string;
                /** @description Include deleted accounts */
                with_deleted?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_accounts_resp"];
                };
            };
            /** @description List of accounts */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_accounts_resp"];
                };
            };
        };
    };
    slurmdb_v0040_post_accounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Description of accounts to update/create */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_openapi_accounts_resp"];
            };
        };
        responses: {
            /** @description Status of account update request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description Status of account update request */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_jobs: {
        parameters: {
            query?: {
                /** @description CSV account list */
                account?: string;
                /** @description CSV association list */
                association?: string;
                /** @description CSV cluster list */
                cluster?: string;
                /** @description CSV constraint list */
                constraints?: string;
                /** @description Maximum number of cpus */
                cpus_max?: string;
                /** @description Minimum number of cpus */
                cpus_min?: string;
                /** @description Schedule bits not set */
                scheduler_unset?: string;
                /** @description Job was started on submit */
                scheduled_on_submit?: string;
                /** @description Job was started from main scheduler */
                scheduled_by_main?: string;
                /** @description Job was started from backfill */
                scheduled_by_backfill?: string;
                /** @description Job start RPC was received */
                job_started?: string;
                /** @description Job exit code (numeric) */
                exit_code?: string;
                /** @description Include duplicate job entries */
                show_duplicates?: string;
                /** @description Exclude job step details */
                skip_steps?: string;
                /** @description Do not truncate the time to usage_start and usage_end */
                disable_truncate_usage_time?: string;
                /** @description Include details on all hetjob components */
                whole_hetjob?: string;
                /** @description Only show details on specified hetjob components */
                disable_whole_hetjob?: string;
                /** @description Tell dbd not to wait for the result */
                disable_wait_for_result?: string;
                /** @description Use usage_time as the submit_time of the job */
                usage_time_as_submit_time?: string;
                /** @description Include job script */
                show_batch_script?: string;
                /** @description Include job environment */
                show_job_environment?: string;
                /** @description CSV format list */
                format?: string;
                /** @description CSV group list */
                groups?: string;
                /** @description CSV job name list */
                job_name?: string;
                /** @description Maximum number of nodes */
                nodes_max?: string;
                /** @description Minimum number of nodes */
                nodes_min?: string;
                /** @description CSV partition name list */
                partition?: string;
                /** @description CSV QOS name list */
                qos?: string;
                /** @description CSV reason list */
                reason?: string;
                /** @description CSV reservation name list */
                reservation?: string;
                /** @description CSV reservation ID list */
                reservation_id?: string;
                /** @description CSV state list */
                state?: string;
                /** @description CSV step id list */
                step?: string;
                /** @description Maximum timelimit (seconds) */
                timelimit_max?: string;
                /** @description Minimum timelimit (seconds) */
                timelimit_min?: string;
                /** @description Usage end (UNIX timestamp) */
                end_time?: string;
                /** @description Usage start (UNIX timestamp) */
                start_time?: string;
                /** @description Submit time (UNIX timestamp) */
                submit_time?: string;
                /** @description Ranged node string where jobs ran */
                node?: string;
                /** @description CSV user name list */
                users?: string;
                /** @description CSV wckey list */
                wckey?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_jobs_resp"];
                };
            };
            /** @description List of jobs */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_jobs_resp"];
                };
            };
        };
    };
    slurmdb_v0040_get_diag: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dictionary of statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_stats_resp"];
                };
            };
            /** @description Dictionary of statistics */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_slurmdbd_stats_resp"];
                };
            };
        };
    };
    slurm_v0040_get_shares: {
        parameters: {
            query?: {
                /** @description Accounts to query */
                accounts?: string;
                /** @description Users to query */
                users?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description shares information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_shares_resp"];
                };
            };
            /** @description shares information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_shares_resp"];
                };
            };
        };
    };
    slurm_v0040_get_reconfigure: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description reconfigure request result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description reconfigure request result */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurm_v0040_get_diag: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description diagnostic results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_diag_resp"];
                };
            };
            /** @description diagnostic results */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_diag_resp"];
                };
            };
        };
    };
    slurm_v0040_get_ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description results of ping test */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_ping_array_resp"];
                };
            };
            /** @description results of ping test */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_ping_array_resp"];
                };
            };
        };
    };
    slurm_v0040_get_licenses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description results of get all licenses */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_licenses_resp"];
                };
            };
            /** @description results of get all licenses */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_licenses_resp"];
                };
            };
        };
    };
    slurm_v0040_post_job_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Job description */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_job_submit_req"];
            };
        };
        responses: {
            /** @description job submission response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_submit_response"];
                };
            };
            /** @description job submission response */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_submit_response"];
                };
            };
        };
    };
    slurm_v0040_get_jobs: {
        parameters: {
            query?: {
                /** @description Filter jobs since update timestamp */
                update_time?: string;
                /** @description Query flags */
                flags?: "ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description job(s) information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_info_resp"];
                };
            };
            /** @description job(s) information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_info_resp"];
                };
            };
        };
    };
    slurm_v0040_delete_jobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Signal or cancel jobs */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_kill_jobs_msg"];
            };
        };
        responses: {
            /** @description description of jobs to signal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_kill_jobs_resp"];
                };
            };
            /** @description description of jobs to signal */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_kill_jobs_resp"];
                };
            };
        };
    };
    slurm_v0040_get_jobs_state: {
        parameters: {
            query?: {
                /** @description Filter jobs since update timestamp */
                update_time?: string;
                /** @description Query flags */
                flags?: "ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description job(s) state information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_info_resp"];
                };
            };
            /** @description job(s) state information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_info_resp"];
                };
            };
        };
    };
    slurm_v0040_get_job: {
        parameters: {
            query?: {
                /** @description Filter jobs since update timestamp */
                update_time?: string;
                /** @description Query flags */
                flags?: "ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE";
            };
            header?: never;
            path: {
                /** @description Job ID */
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description job(s) information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_info_resp"];
                };
            };
            /** @description job(s) information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_info_resp"];
                };
            };
        };
    };
    slurm_v0040_post_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Job ID */
                job_id: string;
            };
            cookie?: never;
        };
        /** @description Job update description */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_job_desc_msg"];
            };
        };
        responses: {
            /** @description job update result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_post_response"];
                };
            };
            /** @description job update result */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_job_post_response"];
                };
            };
        };
    };
    slurm_v0040_delete_job: {
        parameters: {
            query?: {
                /** @description Signal to send to Job */
                signal?: string;
                /** @description Signalling flags */
                flags?: "BATCH_JOB" | "ARRAY_TASK" | "FULL_STEPS_ONLY" | "FULL_JOB" | "FEDERATION_REQUEUE" | "HURRY" | "OUT_OF_MEMORY" | "NO_SIBLING_JOBS" | "RESERVATION_JOB" | "NO_CRON_JOBS" | "VERBOSE" | "CRON_JOBS" | "WARNING_SENT";
            };
            header?: never;
            path: {
                /** @description Job ID */
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description job signal result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description job signal result */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurm_v0040_get_nodes: {
        parameters: {
            query?: {
                /** @description Filter jobs since update timestamp */
                update_time?: string;
                /** @description Query flags */
                flags?: "ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description node(s) information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_nodes_resp"];
                };
            };
            /** @description node(s) information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_nodes_resp"];
                };
            };
        };
    };
    slurm_v0040_get_node: {
        parameters: {
            query?: {
                /** @description Filter jobs since update timestamp */
                update_time?: string;
                /** @description Query flags */
                flags?: "ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE";
            };
            header?: never;
            path: {
                /** @description Node name */
                node_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description node information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_nodes_resp"];
                };
            };
            /** @description node information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_nodes_resp"];
                };
            };
        };
    };
    slurm_v0040_post_node: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Node name */
                node_name: string;
            };
            cookie?: never;
        };
        /** @description Node update description */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["v0.0.40_update_node_msg"];
            };
        };
        responses: {
            /** @description node update request result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description node update request result */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurm_v0040_delete_node: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Node name */
                node_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description node delete request result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
            /** @description node delete request result */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_resp"];
                };
            };
        };
    };
    slurm_v0040_get_partitions: {
        parameters: {
            query?: {
                /** @description Filter partitions since update timestamp */
                update_time?: string;
                /** @description Query flags */
                flags?: "ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description partition information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_partition_resp"];
                };
            };
            /** @description partition information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_partition_resp"];
                };
            };
        };
    };
    slurm_v0040_get_partition: {
        parameters: {
            query?: {
                /** @description Filter partitions since update timestamp */
                update_time?: string;
                /** @description Query flags */
                flags?: "ALL" | "DETAIL" | "MIXED" | "LOCAL" | "SIBLING" | "FEDERATION" | "FUTURE";
            };
            header?: never;
            path: {
                /** @description Partition name */
                partition_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description partition information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_partition_resp"];
                };
            };
            /** @description partition information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_partition_resp"];
                };
            };
        };
    };
    slurm_v0040_get_reservations: {
        parameters: {
            query?: {
                /** @description Filter reservations since update timestamp */
                update_time?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description reservation information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_reservation_resp"];
                };
            };
            /** @description reservation information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_reservation_resp"];
                };
            };
        };
    };
    slurm_v0040_get_reservation: {
        parameters: {
            query?: {
                /** @description Filter reservations since update timestamp */
                update_time?: string;
            };
            header?: never;
            path: {
                /** @description Reservation name */
                reservation_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description reservation information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_reservation_resp"];
                };
            };
            /** @description reservation information */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["v0.0.40_openapi_reservation_resp"];
                };
            };
        };
    };
}
